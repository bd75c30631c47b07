// tree-sitter-powershell ships no type declarations.
declare module 'tree-sitter-powershell' {
  const language: unknown;
  export default language;
}

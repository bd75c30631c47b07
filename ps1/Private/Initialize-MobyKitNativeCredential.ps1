function Initialize-MobyKitNativeCredential {
    <#
    .SYNOPSIS
        Loads the Credential Manager interop type MobyKit.NativeCredential (once per session).
    .DESCRIPTION
        Wraps CredEnumerateW, CredReadW, CredWriteW and CredDeleteW from advapi32.dll. Reading
        returns only TargetName, UserName, Type and Comment: the secret never leaves native memory
        except when compared in Test, and it is never returned. Test and Write take the secret as a
        SecureString argument of a .NET call: it never appears on a command line (unlike cmdkey.exe)
        nor in a parameter binding, and its bytes are copied straight from the SecureString's
        buffer and zeroed after.
        The C# is kept to C# 5 so that Windows PowerShell 5.1 can compile it.
    .EXAMPLE
        Initialize-MobyKitNativeCredential
        [MobyKit.NativeCredential]::Find('Docker Host Filesystem Access')
    #>
    [CmdletBinding()]
    param()

    if ($null -ne ('MobyKit.NativeCredential' -as [type])) {
        return
    }

    $source = @'
using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Runtime.InteropServices;
using System.Security;
using System.Text;

namespace MobyKit
{
    public sealed class CredentialInfo
    {
        public string TargetName;
        public string UserName;
        public string Type;
        public string Comment;
    }

    public static class NativeCredential
    {
        private const int ErrorNotFound = 1168;
        private const int CredTypeGeneric = 1;
        private const int CredPersistLocalMachine = 2;
        private const int MaxBlobBytes = 5 * 512;

        // Fields only the marshaller writes would draw CS0649, and Add-Type treats warnings as errors.
#pragma warning disable 0649
        [StructLayout(LayoutKind.Sequential, CharSet = CharSet.Unicode)]
        private struct NativeCredentialRecord
        {
            public int Flags;
            public int Type;
            public IntPtr TargetName;
            public IntPtr Comment;
            public System.Runtime.InteropServices.ComTypes.FILETIME LastWritten;
            public int CredentialBlobSize;
            public IntPtr CredentialBlob;
            public int Persist;
            public int AttributeCount;
            public IntPtr Attributes;
            public IntPtr TargetAlias;
            public IntPtr UserName;
        }
#pragma warning restore 0649

        [DllImport("advapi32.dll", EntryPoint = "CredReadW", CharSet = CharSet.Unicode, SetLastError = true)]
        private static extern bool CredRead(string target, int type, int reservedFlag, out IntPtr credential);

        [DllImport("advapi32.dll", EntryPoint = "CredEnumerateW", CharSet = CharSet.Unicode, SetLastError = true)]
        private static extern bool CredEnumerate(string filter, int flags, out int count, out IntPtr credentials);

        [DllImport("advapi32.dll", EntryPoint = "CredWriteW", CharSet = CharSet.Unicode, SetLastError = true)]
        private static extern bool CredWrite(ref NativeCredentialRecord credential, int flags);

        [DllImport("advapi32.dll", EntryPoint = "CredDeleteW", CharSet = CharSet.Unicode, SetLastError = true)]
        private static extern bool CredDelete(string target, int type, int flags);

        [DllImport("advapi32.dll", EntryPoint = "CredFree")]
        private static extern void CredFree(IntPtr buffer);

        private static string TypeName(int type)
        {
            switch (type)
            {
                case 1: return "Generic";
                case 2: return "DomainPassword";
                case 3: return "DomainCertificate";
                case 4: return "DomainVisiblePassword";
                case 5: return "GenericCertificate";
                case 6: return "DomainExtended";
                default: return type.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }
        }

        private static CredentialInfo ToInfo(IntPtr pointer)
        {
            NativeCredentialRecord record = (NativeCredentialRecord)Marshal.PtrToStructure(pointer, typeof(NativeCredentialRecord));
            CredentialInfo info = new CredentialInfo();
            info.TargetName = Marshal.PtrToStringUni(record.TargetName);
            info.UserName = Marshal.PtrToStringUni(record.UserName);
            info.Comment = Marshal.PtrToStringUni(record.Comment);
            info.Type = TypeName(record.Type);
            return info;
        }

        /// <summary>Credentials whose target name equals target (case-insensitive), any type. No secrets.</summary>
        public static CredentialInfo[] Find(string target)
        {
            if (string.IsNullOrEmpty(target)) { throw new ArgumentException("A target name is required.", "target"); }
            List<CredentialInfo> found = new List<CredentialInfo>();
            int count;
            IntPtr list;
            if (!CredEnumerate(target, 0, out count, out list))
            {
                int error = Marshal.GetLastWin32Error();
                if (error == ErrorNotFound) { return found.ToArray(); }
                throw new Win32Exception(error);
            }
            try
            {
                for (int i = 0; i < count; i++)
                {
                    IntPtr item = Marshal.ReadIntPtr(list, i * IntPtr.Size);
                    CredentialInfo info = ToInfo(item);
                    if (string.Equals(info.TargetName, target, StringComparison.OrdinalIgnoreCase)) { found.Add(info); }
                }
            }
            finally
            {
                CredFree(list);
            }
            return found.ToArray();
        }

        /// <summary>The secret as UTF-16 bytes, read from the SecureString's buffer (zeroed and freed here); the caller clears them.</summary>
        private static byte[] SecretBytes(SecureString secret)
        {
            if (secret == null) { return new byte[0]; }
            IntPtr unmanaged = Marshal.SecureStringToGlobalAllocUnicode(secret);
            try
            {
                byte[] bytes = new byte[secret.Length * 2];
                Marshal.Copy(unmanaged, bytes, 0, bytes.Length);
                return bytes;
            }
            finally
            {
                Marshal.ZeroFreeGlobalAllocUnicode(unmanaged);
            }
        }

        /// <summary>True when a generic credential target exists with this user name, comment and secret.</summary>
        public static bool Test(string target, string userName, SecureString secret, string comment)
        {
            IntPtr pointer;
            if (!CredRead(target, CredTypeGeneric, 0, out pointer))
            {
                int error = Marshal.GetLastWin32Error();
                if (error == ErrorNotFound) { return false; }
                throw new Win32Exception(error);
            }
            try
            {
                NativeCredentialRecord record = (NativeCredentialRecord)Marshal.PtrToStructure(pointer, typeof(NativeCredentialRecord));
                if (!string.Equals(Marshal.PtrToStringUni(record.UserName), userName, StringComparison.Ordinal)) { return false; }
                if (!string.Equals(Marshal.PtrToStringUni(record.Comment) ?? string.Empty, comment ?? string.Empty, StringComparison.Ordinal)) { return false; }
                byte[] expected = SecretBytes(secret);
                if (record.CredentialBlobSize != expected.Length) { Array.Clear(expected, 0, expected.Length); return false; }
                bool same = true;
                for (int i = 0; i < expected.Length; i++)
                {
                    if (Marshal.ReadByte(record.CredentialBlob, i) != expected[i]) { same = false; }
                }
                Array.Clear(expected, 0, expected.Length);
                return same;
            }
            finally
            {
                CredFree(pointer);
            }
        }

        /// <summary>Creates or replaces a generic credential, persisted for this user on this machine.</summary>
        public static void Write(string target, string userName, SecureString secret, string comment)
        {
            if (string.IsNullOrEmpty(target)) { throw new ArgumentException("A target name is required.", "target"); }
            if (secret != null && secret.Length * 2 > MaxBlobBytes) { throw new ArgumentException("The secret is longer than Credential Manager allows (2560 bytes).", "secret"); }
            byte[] blob = SecretBytes(secret);
            IntPtr blobPointer = IntPtr.Zero;
            IntPtr targetPointer = IntPtr.Zero;
            IntPtr userPointer = IntPtr.Zero;
            IntPtr commentPointer = IntPtr.Zero;
            try
            {
                blobPointer = Marshal.AllocHGlobal(Math.Max(blob.Length, 1));
                Marshal.Copy(blob, 0, blobPointer, blob.Length);
                targetPointer = Marshal.StringToHGlobalUni(target);
                userPointer = Marshal.StringToHGlobalUni(userName ?? string.Empty);
                commentPointer = string.IsNullOrEmpty(comment) ? IntPtr.Zero : Marshal.StringToHGlobalUni(comment);
                NativeCredentialRecord record = new NativeCredentialRecord();
                record.Type = CredTypeGeneric;
                record.TargetName = targetPointer;
                record.UserName = userPointer;
                record.Comment = commentPointer;
                record.CredentialBlob = blobPointer;
                record.CredentialBlobSize = blob.Length;
                record.Persist = CredPersistLocalMachine;
                if (!CredWrite(ref record, 0))
                {
                    throw new Win32Exception(Marshal.GetLastWin32Error());
                }
            }
            finally
            {
                if (blobPointer != IntPtr.Zero)
                {
                    for (int i = 0; i < blob.Length; i++) { Marshal.WriteByte(blobPointer, i, 0); }
                    Marshal.FreeHGlobal(blobPointer);
                }
                Array.Clear(blob, 0, blob.Length);
                if (targetPointer != IntPtr.Zero) { Marshal.FreeHGlobal(targetPointer); }
                if (userPointer != IntPtr.Zero) { Marshal.FreeHGlobal(userPointer); }
                if (commentPointer != IntPtr.Zero) { Marshal.FreeHGlobal(commentPointer); }
            }
        }

        /// <summary>Deletes a generic credential. False when there was none.</summary>
        public static bool Delete(string target)
        {
            if (CredDelete(target, CredTypeGeneric, 0)) { return true; }
            int error = Marshal.GetLastWin32Error();
            if (error == ErrorNotFound) { return false; }
            throw new Win32Exception(error);
        }
    }
}
'@

    # Add-Type fails on any compiler warning unless told otherwise (Windows PowerShell and PowerShell 7).
    Add-Type -TypeDefinition $source -Language CSharp -IgnoreWarnings -ErrorAction Stop
}

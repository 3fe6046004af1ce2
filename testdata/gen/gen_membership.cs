// ASP.NET Membership's keyed hash, as SqlMembershipProvider.EncodePassword
// computes it with hashAlgorithmType="HMACSHA256" (passwordFormat Hashed,
// .NET Framework reference source, System.Web/Security/SQLMembershipProvider.cs):
// the base64-decoded salt fills the HMAC key (kha.Key.Length, 64 bytes for
// HMACSHA256): used as is when it is that long, cut when longer, repeated
// when shorter; the hash is HMAC over Encoding.Unicode (UTF-16LE) of the
// password, base64. Run under Mono (Debian mono-runtime, mono-mcs):
//
//   mcs -out:membership.exe gen_membership.cs && mono membership.exe
//
// A filter: each stdin line "<password as hex> <base64 salt>" gives one
// stdout line, the base64 hash. gen_membership.py and roundtrip.py drive it.
using System;
using System.Security.Cryptography;
using System.Text;

class Membership
{
    static byte[] FromHex(string s)
    {
        var b = new byte[s.Length / 2];
        for (int i = 0; i < b.Length; i++)
            b[i] = Convert.ToByte(s.Substring(2 * i, 2), 16);
        return b;
    }

    static string EncodePassword(string pass, string salt)
    {
        byte[] bIn = Encoding.Unicode.GetBytes(pass);
        byte[] bSalt = Convert.FromBase64String(salt);
        KeyedHashAlgorithm kha = new HMACSHA256();
        if (kha.Key.Length == bSalt.Length) {
            kha.Key = bSalt;
        } else if (kha.Key.Length < bSalt.Length) {
            byte[] bKey = new byte[kha.Key.Length];
            Buffer.BlockCopy(bSalt, 0, bKey, 0, bKey.Length);
            kha.Key = bKey;
        } else {
            byte[] bKey = new byte[kha.Key.Length];
            for (int iter = 0; iter < bKey.Length; ) {
                int len = Math.Min(bSalt.Length, bKey.Length - iter);
                Buffer.BlockCopy(bSalt, 0, bKey, iter, len);
                iter += len;
            }
            kha.Key = bKey;
        }
        return Convert.ToBase64String(kha.ComputeHash(bIn));
    }

    static void Main()
    {
        string line;
        while ((line = Console.In.ReadLine()) != null) {
            if (line.Trim() == "")
                continue;
            string[] f = line.Split(' ');
            if (Convert.FromBase64String(f[1]).Length == 0)
                throw new ArgumentException("an empty salt never fills the key: SqlMembershipProvider loops forever");
            string pass = new UTF8Encoding(false, true).GetString(FromHex(f[0]));
            Console.Out.WriteLine(EncodePassword(pass, f[1]));
        }
    }
}

// ASP.NET producers run on Mono (Debian mono-runtime, compiled with mono-mcs
// by gen_aspnet.py): .NET's own Rfc2898DeriveBytes, SHA1 and
// Encoding.Unicode, laid out as ASP.NET writes them:
//
//   v2   Identity's PasswordHasher, version 2: base64(0x00 ‖ salt ‖ subkey),
//        PBKDF2-HMAC-SHA1, 1000 iterations, 16-byte salt, 32-byte subkey
//   v3   version 3: base64(0x01 ‖ prf ‖ iterations ‖ salt length ‖ salt ‖
//        subkey), the three numbers big-endian uint32 (PRF 0 SHA-1, 1
//        SHA-256, 2 SHA-512)
//   mem  SqlMembershipProvider, hashed, SHA1: base64(salt) "$"
//        base64(SHA1(salt ‖ UTF-16LE password))
//
// (dotnet/aspnetcore src/Identity/Extensions.Core/src/PasswordHasher.cs,
// .NET Framework's SqlMembershipProvider.EncodePassword.) Reads one task a
// line on stdin: "v2 <salt hex> <password hex>", "v3 <prf> <iterations>
// <salt hex> <subkey bytes> <password hex>", "mem <salt hex> <password
// hex>"; writes the digest, one a line.
using System;
using System.IO;
using System.Security.Cryptography;
using System.Text;

class GenAspNet {
	static byte[] Hex(string s) {
		if (s == "-") return new byte[0];
		var b = new byte[s.Length / 2];
		for (int i = 0; i < b.Length; i++) b[i] = Convert.ToByte(s.Substring(2 * i, 2), 16);
		return b;
	}

	static void BE(byte[] buf, int off, uint v) {
		buf[off] = (byte)(v >> 24); buf[off + 1] = (byte)(v >> 16);
		buf[off + 2] = (byte)(v >> 8); buf[off + 3] = (byte)v;
	}

	static byte[] Pbkdf2(string password, byte[] salt, int prf, int iter, int n) {
		var alg = prf == 0 ? HashAlgorithmName.SHA1 : prf == 1 ? HashAlgorithmName.SHA256 : HashAlgorithmName.SHA512;
		using (var kdf = new Rfc2898DeriveBytes(password, salt, iter, alg)) return kdf.GetBytes(n);
	}

	static void Main() {
		var utf8 = new UTF8Encoding(false, true);
		string line;
		while ((line = Console.In.ReadLine()) != null) {
			var f = line.Split(' ');
			string pw = utf8.GetString(Hex(f[f.Length - 1]));
			if (f[0] == "v2") {
				byte[] salt = Hex(f[1]);
				byte[] sub = Pbkdf2(pw, salt, 0, 1000, 32);
				var o = new byte[1 + 16 + 32];
				Buffer.BlockCopy(salt, 0, o, 1, 16);
				Buffer.BlockCopy(sub, 0, o, 17, 32);
				Console.WriteLine(Convert.ToBase64String(o));
			} else if (f[0] == "v3") {
				int prf = int.Parse(f[1]), iter = int.Parse(f[2]), n = int.Parse(f[4]);
				byte[] salt = Hex(f[3]);
				byte[] sub = Pbkdf2(pw, salt, prf, iter, n);
				var o = new byte[13 + salt.Length + n];
				o[0] = 1;
				BE(o, 1, (uint)prf); BE(o, 5, (uint)iter); BE(o, 9, (uint)salt.Length);
				Buffer.BlockCopy(salt, 0, o, 13, salt.Length);
				Buffer.BlockCopy(sub, 0, o, 13 + salt.Length, n);
				Console.WriteLine(Convert.ToBase64String(o));
			} else if (f[0] == "mem") {
				byte[] salt = Hex(f[1]);
				byte[] p = Encoding.Unicode.GetBytes(pw);
				var all = new byte[salt.Length + p.Length];
				Buffer.BlockCopy(salt, 0, all, 0, salt.Length);
				Buffer.BlockCopy(p, 0, all, salt.Length, p.Length);
				using (var sha = SHA1.Create())
					Console.WriteLine(Convert.ToBase64String(salt) + "$" + Convert.ToBase64String(sha.ComputeHash(all)));
			}
		}
	}
}

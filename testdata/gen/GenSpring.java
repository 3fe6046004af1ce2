// Spring Security's own encoders (spring-projects/spring-security's crypto
// module, compiled by gen_spring.py from a checkout into a temporary
// folder): for each task line "<id> <password hex>" on stdin, writes
// "{id}" + the encoder's encode(password), checked with
// PasswordEncoderFactories.createDelegatingPasswordEncoder().matches, or
// "ERR <message>" where the encoder refuses the password, or "EMPTY
// <digest>" for the empty password, which matches never accepts. The encoders are
// the factory's own settings, except bcrypt's strength (4 and 10, named
// "bcrypt" and "bcrypt/10") and the lower-case LdapShaPasswordEncoder
// ("ldap/lc"), so that the vectors stay fast. With the argument "matches"
// it reads "<password hex> <digest>" lines instead and writes the factory
// encoder's matches() for each (gen_spring.py --roundtrip).
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.LdapShaPasswordEncoder;
import org.springframework.security.crypto.password.Md4PasswordEncoder;
import org.springframework.security.crypto.password.MessageDigestPasswordEncoder;
import org.springframework.security.crypto.password.NoOpPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.crypto.password.Pbkdf2PasswordEncoder;
import org.springframework.security.crypto.password.StandardPasswordEncoder;
import org.springframework.security.crypto.scrypt.SCryptPasswordEncoder;

@SuppressWarnings("deprecation")
public class GenSpring {
	static PasswordEncoder encoder(String id) {
		switch (id) {
		case "bcrypt": return new BCryptPasswordEncoder(4);
		case "bcrypt/10": return new BCryptPasswordEncoder();
		case "ldap": return new LdapShaPasswordEncoder();
		case "ldap/lc": { LdapShaPasswordEncoder e = new LdapShaPasswordEncoder(); e.setForceLowerCasePrefix(true); return e; }
		case "MD4": return new Md4PasswordEncoder();
		case "MD5": return new MessageDigestPasswordEncoder("MD5");
		case "noop": return NoOpPasswordEncoder.getInstance();
		case "pbkdf2": return Pbkdf2PasswordEncoder.defaultsForSpringSecurity_v5_5();
		case "pbkdf2@SpringSecurity_v5_8": return Pbkdf2PasswordEncoder.defaultsForSpringSecurity_v5_8();
		case "scrypt": return SCryptPasswordEncoder.defaultsForSpringSecurity_v4_1();
		case "scrypt@SpringSecurity_v5_8": return SCryptPasswordEncoder.defaultsForSpringSecurity_v5_8();
		case "SHA-1": return new MessageDigestPasswordEncoder("SHA-1");
		case "SHA-256": return new MessageDigestPasswordEncoder("SHA-256");
		case "sha256": return new StandardPasswordEncoder();
		case "argon2": return Argon2PasswordEncoder.defaultsForSpringSecurity_v5_2();
		case "argon2@SpringSecurity_v5_8": return Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8();
		}
		throw new IllegalArgumentException(id);
	}

	public static void main(String[] args) throws Exception {
		PasswordEncoder delegating = PasswordEncoderFactories.createDelegatingPasswordEncoder();
		BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
		String line;
		if (args.length == 1 && args[0].equals("matches")) {
			// Round trip: "<password hex> <digest>" lines, "true" or "false" out.
			while ((line = in.readLine()) != null) {
				String[] f = line.split(" ", 2);
				String pw = new String(HexFormat.of().parseHex(f[0]), StandardCharsets.UTF_8);
				System.out.println(delegating.matches(pw, f[1]));
			}
			return;
		}
		while ((line = in.readLine()) != null) {
			String[] f = line.split(" ", -1);
			String id = f[0], name = id.split("/")[0];
			String pw = new String(HexFormat.of().parseHex(f[1]), StandardCharsets.UTF_8);
			String out;
			try {
				out = "{" + name + "}" + encoder(id).encode(pw);
				if (pw.isEmpty()) {
					// Spring Security 7's AbstractValidatingPasswordEncoder.matches
					// refuses an empty password whatever the digest.
					if (delegating.matches(pw, out)) throw new IllegalStateException("empty password matches: " + out);
					System.out.println("EMPTY " + out);
					continue;
				}
				if (!delegating.matches(pw, out)) throw new IllegalStateException("own digest does not match: " + out);
				if (delegating.matches(pw + "!", out)) throw new IllegalStateException("wrong password matches: " + out);
			} catch (IllegalArgumentException e) {
				out = "ERR " + e.getMessage();
			}
			System.out.println(out);
		}
	}
}

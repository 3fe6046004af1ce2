# Devise's Devise::Encryptor.digest (Debian ruby-devise, ruby-bcrypt) for
# bcrypt_peppered: bcrypt of password + pepper, the pepper appended only when
# it is present? (ActiveSupport: not empty and not only whitespace). The
# digest is written as Clerk takes it: the 60-character bcrypt string, "$",
# the pepper. Writes JSON lines with a "file" key, like gen_php.php. bcrypt
# salts are random: every run writes new lines.
#
#   ruby gen_devise.rb > devise.jsonl
#   ruby gen_devise.rb --roundtrip < tasks.jsonl   (see roundtrip.py)
require "json"
require "bcrypt"
require "devise"

Klass = Struct.new(:pepper, :stretches)

def deb(pkg)
  v = `dpkg-query -W -f='${Version}' #{pkg} 2>/dev/null`.strip
  v.empty? ? "unknown" : v
end

# The digest with its pepper split off: Clerk's "<bcrypt>$<pepper>".
def split(digest)
  [digest[0, 60], digest[61..] || ""]
end

if ARGV[0] == "--roundtrip"
  # Reads {id, digest, pw_hex} lines, answers {id, ok}: Devise's own compare.
  STDIN.each_line do |line|
    next if line.strip.empty?
    t = JSON.parse(line)
    bcrypt, pepper = split(t["digest"])
    pw = [t["pw_hex"]].pack("H*").force_encoding("UTF-8")
    begin
      ok = t["digest"][60] == "$" && Devise::Encryptor.compare(Klass.new(pepper, 4), bcrypt, pw)
      puts JSON.generate({ "id" => t["id"], "ok" => ok })
    rescue StandardError => e
      puts JSON.generate({ "id" => t["id"], "ok" => false, "err" => "#{e.class}: #{e.message}" })
    end
  end
  exit
end

SOURCE = "Devise #{Gem.loaded_specs["devise"].version} (Debian ruby-devise #{deb("ruby-devise")}) " \
         "Devise::Encryptor.digest, ruby-bcrypt #{Gem.loaded_specs["bcrypt"].version} " \
         "(Debian ruby-bcrypt #{deb("ruby-bcrypt")}), Ruby #{RUBY_VERSION}"
PW = JSON.parse(File.read(File.join(__dir__, "passwords.json")))

# A Rails secret: 128 hex characters, as `rails secret` makes them.
RAILS_PEPPER = "8b5e3a8f0c1d2e4f6a7b9c0d1e2f3a4b5c6d7e8f9a0b1c2d3e4f5a6b7c8d9e0f" \
               "1a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d5e6f708192a3b4c5d6e7f809"

PLAN = [
  # [password key, pepper, cost, note]
  ["ascii", "pepper", 4, nil],
  ["latin", "pepper", 5, nil],
  ["cjk", "pëpper 胡椒", 4, "non-ASCII pepper"],
  ["emoji", "p$e$p", 4, "pepper with $"],
  ["dollar", "$", 4, "pepper is a single $"],
  ["spaces", RAILS_PEPPER, 4, "128-character pepper: bcrypt uses the first 72 bytes of password+pepper"],
  ["long100", "pepper", 4, "password over 72 bytes: the pepper is cut off"],
  ["ascii", "", 4, "empty pepper: not appended"],
  ["latin", "   ", 4, "blank pepper (spaces): not appended"],
  ["cjk", " \t", 4, "blank pepper (space, tab): not appended"],
  ["emoji", "\u00a0\u3000", 4, "blank pepper (no-break space, ideographic space): not appended"],
  ["empty", "pepper", 4, "empty password"],
  ["empty", "", 4, "empty password, empty pepper"],
  ["quotes", " pepper ", 6, "pepper with spaces around it is present: appended whole"],
  ["one", "pepper", 10, "cost 10, Devise's default stretches"],
  ["padded", "x" * 60, 4, "password (24 bytes) + pepper (60) over 72 bytes"],
]

counts = Hash.new(0)
PLAN.each do |key, pepper, cost, note|
  pw = PW.fetch(key)
  k = Klass.new(pepper, cost)
  h = Devise::Encryptor.digest(k, pw)
  unless Devise::Encryptor.compare(k, h, pw) && !Devise::Encryptor.compare(k, h, "x" + pw)
    abort "gen_devise: Devise did not verify its own output: #{h}"
  end
  rec = { "file" => "bcrypt_peppered", "digest" => "#{h}$#{pepper}", "password" => pw,
          "source" => "#{SOURCE}, stretches #{cost}" }
  rec["note"] = note if note
  puts JSON.generate(rec)
  counts["bcrypt_peppered"] += 1
end
# Devise itself writes "$2a$" (ruby-bcrypt's prefix); a "$2b$" or "$2y$"
# digest (made by another bcrypt for password + pepper) is read the same
# way by Devise's compare.
[["2b", "ascii", "pepper"], ["2y", "latin", "p$e$p"], ["2b", "emoji", ""]].each do |minor, key, pepper|
  pw = PW.fetch(key)
  k = Klass.new(pepper, 4)
  salt = BCrypt::Engine.generate_salt(4).sub("$2a$", "$#{minor}$")
  h = BCrypt::Engine.hash_secret(pepper.strip.empty? ? pw : pw + pepper, salt)
  unless h.start_with?("$#{minor}$") && Devise::Encryptor.compare(k, h, pw) && !Devise::Encryptor.compare(k, h, "x" + pw)
    abort "gen_devise: Devise does not verify #{h}"
  end
  puts JSON.generate({ "file" => "bcrypt_peppered", "digest" => "#{h}$#{pepper}", "password" => pw,
                       "source" => "ruby-bcrypt #{Gem.loaded_specs["bcrypt"].version} BCrypt::Engine.hash_secret(password + pepper, \"$#{minor}$04$...\"), " \
                                   "checked by #{SOURCE.sub(" Devise::Encryptor.digest", " Devise::Encryptor.compare")}",
                       "note" => "$#{minor}$ prefix" + (pepper.empty? ? ", empty pepper" : "") })
  counts["bcrypt_peppered"] += 1
end
counts.each { |f, n| warn format("gen_devise: %-24s %3d", f, n) }

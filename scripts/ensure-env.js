#!/usr/bin/env node
/**
 * Writes a .env with fresh secrets and a first admin on a new clone; leaves an existing .env alone.
 * Strapi refuses to start without its secrets, and they must never be committed.
 */
const { randomBytes } = require('crypto');
const { existsSync, writeFileSync } = require('fs');
const path = require('path');

const file = path.join(__dirname, '..', '.env');
if (existsSync(file)) {
  process.exit(0);
}

const secret = () => randomBytes(16).toString('base64');
// Meets Strapi's admin password rule: upper, lower, digit, 8+ characters.
const adminPassword = `Seed-${randomBytes(6).toString('hex')}-A1`;
const memberPassword = `Membre-${randomBytes(6).toString('hex')}-1`;

writeFileSync(
  file,
  `# Written by scripts/ensure-env.js. Not committed: keep your own values here.
HOST=0.0.0.0
PORT=1337
APP_KEYS=${secret()},${secret()},${secret()},${secret()}
API_TOKEN_SALT=${secret()}
ADMIN_JWT_SECRET=${secret()}
JWT_SECRET=${secret()}
TRANSFER_TOKEN_SALT=${secret()}
ENCRYPTION_KEY=${secret()}

# First admin user, created at boot when the admin has none.
ADMIN_EMAIL=admin@example.org
ADMIN_PASSWORD=${adminPassword}

# The demo association's members (awa.diallo@demo.amt.example.org…) log in with this password.
DEMO_MEMBER_PASSWORD=${memberPassword}

# The "demo" webhook source, for trying earning rules: npm run seed:send-event -- --type <t> --member <m>
# (comma-separate a second secret while rotating; one variable per source: SEED_WEBHOOK_SECRETS_<SOURCE>).
SEED_WEBHOOK_SECRETS_DEMO=whsec_${randomBytes(24).toString('base64')}

# Who issues the Open Badges (README, Settings): the demo association here; set your own.
SEED_ISSUER_NAME=Association Euro-méditerranéenne du Télétravail

# SQLite under .tmp/ unless DATABASE_CLIENT=mysql (see README).

# \`npm run demo\` starts with NODE_ENV=production and SEED_SECURE_COOKIES=false (package.json), so
# logins work over http://localhost; \`npm run develop\` runs in development. Other sites allowed
# credentialed requests (the refresh cookie), comma-separated: SEED_ALLOWED_ORIGINS (README, Settings).
`,
);
console.log(`Wrote .env with new secrets. Admin login: admin@example.org / ${adminPassword}`);
console.log(`Demo members (awa.diallo@demo.amt.example.org, marc.lefevre@…) log in with: ${memberPassword}`);

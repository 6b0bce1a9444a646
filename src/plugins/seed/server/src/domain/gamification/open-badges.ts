/**
 * Awarded badges as Open Badges 2.0 hosted assertions (https://www.imsglobal.org/sites/default/files/Badges/OBv2p0Final/index.html):
 * the Assertion, its BadgeClass and the Issuer profile, each a JSON-LD document at its own URL of
 * this app, so anyone can verify a badge by fetching it. The recipient is a salted SHA-256 hash of
 * the member's email, never the email.
 */
import { createHash } from 'crypto';

export const OPEN_BADGES_CONTEXT = 'https://w3id.org/openbadges/v2';

/** `sha256$<hex>` of the email (trimmed, lower case) followed by the salt. */
export const hashedRecipient = (email: string, salt: string): string =>
  `sha256$${createHash('sha256').update(`${email.trim().toLowerCase()}${salt}`).digest('hex')}`;

export interface IssuerFacts {
  url: string;
  name: string;
  website: string;
  email: string | null;
}

export interface BadgeClassFacts {
  url: string;
  name: string;
  description: string;
  criteria: string;
  image: string;
  issuerUrl: string;
}

export interface AssertionFacts {
  url: string;
  badgeClassUrl: string;
  /** The hashed identity; erasure replaces it by the hash of nothing anyone knows. */
  identity: string;
  salt: string;
  issuedOn: Date;
  level: number;
  evidence: string | null;
  revokedAt: Date | null;
  revocationReason: string | null;
}

export const issuerDocument = (issuer: IssuerFacts) => ({
  '@context': OPEN_BADGES_CONTEXT,
  type: 'Issuer',
  id: issuer.url,
  name: issuer.name,
  url: issuer.website,
  ...(issuer.email ? { email: issuer.email } : {}),
});

export const badgeClassDocument = (badge: BadgeClassFacts) => ({
  '@context': OPEN_BADGES_CONTEXT,
  type: 'BadgeClass',
  id: badge.url,
  name: badge.name,
  description: badge.description,
  image: badge.image,
  criteria: { narrative: badge.criteria },
  issuer: badge.issuerUrl,
});

/**
 * The assertion. A revoked one stays readable and says so (`revoked`, `revocationReason`), as a
 * verifier must learn it was revoked rather than find nothing.
 */
export const assertionDocument = (assertion: AssertionFacts) => ({
  '@context': OPEN_BADGES_CONTEXT,
  type: 'Assertion',
  id: assertion.url,
  recipient: { type: 'email', hashed: true, salt: assertion.salt, identity: assertion.identity },
  badge: assertion.badgeClassUrl,
  verification: { type: 'hosted' },
  issuedOn: assertion.issuedOn.toISOString(),
  ...(assertion.level > 1 ? { narrative: `Niveau ${assertion.level}` } : {}),
  ...(assertion.evidence ? { evidence: { narrative: assertion.evidence } } : {}),
  ...(assertion.revokedAt ? { revoked: true, revocationReason: assertion.revocationReason ?? 'Révoqué' } : {}),
});

/** A badge without an image of its own shows a plain medal with its initials (an SVG data URI, allowed by the specification). */
export const defaultBadgeImage = (name: string): string => {
  const initials = name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((word) => word[0]!.toUpperCase())
    .join('')
    .replace(/[<>&"']/g, '');
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="256" height="256" viewBox="0 0 256 256"><circle cx="128" cy="128" r="120" fill="#1d4e89"/><circle cx="128" cy="128" r="100" fill="none" stroke="#f2c14e" stroke-width="8"/><text x="128" y="150" font-family="sans-serif" font-size="72" font-weight="bold" fill="#fff" text-anchor="middle">${initials}</text></svg>`;
  return `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;
};

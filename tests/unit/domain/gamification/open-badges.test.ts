import { createHash } from 'crypto';
import { assertionDocument, badgeClassDocument, defaultBadgeImage, hashedRecipient, issuerDocument } from '../../../../src/plugins/seed/server/src/domain/gamification/open-badges';

describe('Open Badges 2.0 documents', () => {
  it('hash the recipient as sha256$ of the email then the salt, lower case', () => {
    expect(hashedRecipient(' Ines@Example.org ', 'sel')).toBe(`sha256$${createHash('sha256').update('ines@example.orgsel').digest('hex')}`);
  });

  it('hold the specification’s required properties', () => {
    const assertion = assertionDocument({
      url: 'https://seed.example/api/seed/badges/assertions/a1',
      badgeClassUrl: 'https://seed.example/api/seed/badges/classes/b1',
      identity: hashedRecipient('ines@example.org', 'sel'),
      salt: 'sel',
      issuedOn: new Date('2026-12-06T10:00:00Z'),
      level: 2,
      evidence: 'Échange réglé',
      revokedAt: null,
      revocationReason: null,
    });
    expect(assertion).toMatchObject({
      '@context': 'https://w3id.org/openbadges/v2',
      type: 'Assertion',
      id: 'https://seed.example/api/seed/badges/assertions/a1',
      recipient: { type: 'email', hashed: true, salt: 'sel' },
      badge: 'https://seed.example/api/seed/badges/classes/b1',
      verification: { type: 'hosted' },
      issuedOn: '2026-12-06T10:00:00.000Z',
      narrative: 'Niveau 2',
      evidence: { narrative: 'Échange réglé' },
    });
    expect(assertion).not.toHaveProperty('revoked');
    const badgeClass = badgeClassDocument({ url: 'u', name: 'n', description: 'd', criteria: 'c', image: defaultBadgeImage('Premier service'), issuerUrl: 'i' });
    expect(Object.keys(badgeClass).sort()).toEqual(['@context', 'criteria', 'description', 'id', 'image', 'issuer', 'name', 'type']);
    expect(Buffer.from(badgeClass.image.split(',')[1], 'base64').toString()).toContain('>PS<');
    expect(issuerDocument({ url: 'i', name: 'Les Tisserands', website: 'https://tisserands.example', email: 'contact@tisserands.example' })).toEqual({
      '@context': 'https://w3id.org/openbadges/v2',
      type: 'Issuer',
      id: 'i',
      name: 'Les Tisserands',
      url: 'https://tisserands.example',
      email: 'contact@tisserands.example',
    });
  });
});

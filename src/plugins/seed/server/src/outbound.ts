/** SEED_OUTBOX_ALLOW_PRIVATE=true lets subscriptions target loopback, private and link-local hosts (a receiver on the same network, the tests). */
export const allowsPrivateDestinations = (): boolean => process.env.SEED_OUTBOX_ALLOW_PRIVATE === 'true';

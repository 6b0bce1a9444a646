import accounts from './accounts';
import awards from './awards';
import corrections from './corrections';
import events from './events';
import exchanges from './exchanges';
import members from './members';
import memberships from './memberships';
import missions from './missions';

export default { accounts, awards, corrections, events, exchanges, members, memberships, missions };

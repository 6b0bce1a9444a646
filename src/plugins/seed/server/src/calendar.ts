/** The association's calendar: its time zone (SEED_TIME_ZONE, Europe/Paris by default), today and this year in it. */
import { DEFAULT_TIME_ZONE } from './domain/ledger/month';
import { dayOf, yearOf } from './domain/membership/campaign';

export const timeZone = (): string => process.env.SEED_TIME_ZONE || DEFAULT_TIME_ZONE;
export const currentYear = (): number => yearOf(new Date(), timeZone());
export const today = (): string => dayOf(new Date(), timeZone());

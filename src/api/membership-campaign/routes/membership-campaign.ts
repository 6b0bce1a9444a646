/** Staff manage the yearly campaigns over REST as in the admin; the public counter is `membershipSeats`. */
import { factories } from '@strapi/strapi';

export default factories.createCoreRouter('api::membership-campaign.membership-campaign');

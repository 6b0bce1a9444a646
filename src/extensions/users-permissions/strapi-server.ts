/**
 * Members' login (REST `/api/auth/local`, a provider's callback, and GraphQL `login`, which calls
 * the same controller), token refresh and logout set the refresh cookie: over plain HTTP where
 * that cookie is Secure they answer 403 HTTPS_REQUIRED before doing anything, not a 500.
 */
import type { Context } from 'koa';
import type { Core } from '@strapi/strapi';
import { isSecureCookie, requireHttpsFor } from '../../security/https-login';

type Action = (ctx: Context) => unknown;
type ControllerFactory = (deps: { strapi: Core.Strapi }) => Record<string, Action>;
interface UsersPermissionsServer {
  controllers: { auth: ControllerFactory };
}

interface SessionsConfig {
  httpOnly?: boolean;
  cookie?: { secure?: unknown };
}

const cookieActions = ['callback', 'refresh', 'logout'];

export default (plugin: UsersPermissionsServer): UsersPermissionsServer => {
  const createAuth = plugin.controllers.auth;
  plugin.controllers.auth = ({ strapi }) => {
    const auth = createAuth({ strapi });
    for (const name of cookieActions) {
      const action = auth[name];
      auth[name] = (ctx) => {
        const sessions = strapi.config.get<SessionsConfig | undefined>('plugin::users-permissions.sessions');
        // The plugin's own rule for when it sets the cookie (config, or the client asking for it).
        const setsCookie = sessions?.httpOnly === true || ctx.get('x-strapi-refresh-cookie') === 'httpOnly';
        if (setsCookie) requireHttpsFor(strapi, ctx, isSecureCookie(sessions?.cookie?.secure));
        return action.call(auth, ctx);
      };
    }
    return auth;
  };
  return plugin;
};

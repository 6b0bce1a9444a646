import { useDispatch } from 'react-redux';
import { adminApi, isFetchError, useAuth, useNotification } from '@strapi/strapi/admin';
import { useT } from './intl';

/** Said on the window after every desk action, so the side panels reload what they show. */
export const SEED_CHANGED = 'seed:changed';

/** The server's refusal, `{ error: { message, details: { code } } }`, as one line. */
export const refusalOf = (error: unknown): string => {
  if (isFetchError(error)) {
    const body = (error.response?.data as { error?: { message?: string; details?: { code?: string } } } | undefined)?.error;
    if (body?.message) return body.details?.code ? `${body.message} (${body.details.code})` : body.message;
  }
  return error instanceof Error ? error.message : String(error);
};

export const useRefusal = () => {
  const { toggleNotification } = useNotification();
  const t = useT();
  return (error: unknown) => toggleNotification({ type: 'danger', title: t('error.title'), message: refusalOf(error) });
};

/**
 * Reloads the Content Manager's copy of documents of `model` (edit view and list), through its
 * RTK Query cache tags: the edit view's form then shows the state the action left.
 */
export const useRefresh = () => {
  const dispatch = useDispatch();
  return (model: string, documentIds: string[]) => {
    const tags = [...documentIds.map((id) => `${model}_${id}`), `${model}_LIST`].map((id) => ({ type: 'Document', id }));
    // The tag type is the Content Manager's, injected into adminApi at runtime.
    dispatch(adminApi.util.invalidateTags(tags as never));
    window.dispatchEvent(new Event(SEED_CHANGED));
  };
};

/** Whether the admin user holds the desk action's permission: actions they may not run are not offered. */
export const useCan = (key: string): boolean =>
  useAuth('SeedDesk', (auth) => auth.permissions.some((permission) => permission.action === `plugin::seed.${key}`));

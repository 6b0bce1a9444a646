import * as React from 'react';
import { useFetchClient, useNotification } from '@strapi/strapi/admin';
import type { BulkActionComponent, DocumentActionComponent } from '@strapi/content-manager/strapi-admin';
import { DESK, isOffered, nameOf, type DeskAction, type SeedDocument } from '../desk';
import { useT } from '../intl';
import { refusalOf, useCan, useRefresh, useRefusal } from '../api';
import { ActionDialog } from './ActionDialog';

/** Saves a JSON answer as a file, without leaving the page. */
const saveJson = (data: unknown, file: string) => {
  const url = URL.createObjectURL(new Blob([JSON.stringify(data, null, 2)], { type: 'application/json' }));
  const link = Object.assign(document.createElement('a'), { href: url, download: file });
  link.click();
  URL.revokeObjectURL(url);
};

/** One desk row as a Content Manager document action, offered on its model only. */
const documentAction = (model: string, action: DeskAction): DocumentActionComponent => {
  const Action: DocumentActionComponent = ({ model: shown, documentId, document }) => {
    const t = useT();
    const { get } = useFetchClient();
    const { toggleNotification } = useNotification();
    const refuse = useRefusal();
    const can = useCan(action.key);
    const doc = document as SeedDocument | undefined;
    // The modal renders this as a component: a new function each render would reset the form.
    const Content = React.useCallback(
      ({ onClose }: { onClose: () => void }) =>
        doc && documentId ? <ActionDialog action={action} model={model} document={{ ...doc, documentId }} onClose={onClose} /> : null,
      [doc, documentId],
    );
    if (shown !== model || !can || !documentId || !doc || !isOffered(action, doc)) return null;
    const label = t(`${action.key}.label`);
    if (action.download) {
      const file = action.download(documentId);
      return {
        label,
        position: 'panel',
        onClick: async () => {
          try {
            const { data } = await get<{ data: unknown }>(action.path.replace(':documentId', documentId));
            saveJson(data.data, file);
            toggleNotification({ type: 'success', message: t(`${action.key}.done`, { name: nameOf(doc), file }) });
          } catch (error) {
            refuse(error);
          }
        },
      };
    }
    return { label, position: 'panel', variant: action.danger ? 'danger-light' : 'secondary', dialog: { type: 'modal', title: label, content: Content } };
  };
  Action.position = 'panel';
  return Action;
};

export const deskActions: DocumentActionComponent[] = Object.entries(DESK).flatMap(([model, actions]) => actions.map((action) => documentAction(model, action)));

/** "Approuver" on the awards selected in the list: one call each, then how many passed. */
export const ApproveAwards: BulkActionComponent = ({ model, documents }) => {
  const t = useT();
  const { post } = useFetchClient();
  const { toggleNotification } = useNotification();
  const refresh = useRefresh();
  const can = useCan('awards.approve');
  if (model !== 'plugin::seed.award' || !can) return null;
  const approve = async () => {
    const results = await Promise.allSettled(documents.map((award) => post(`/seed/awards/${award.documentId}/approve`, {})));
    const failures = results.flatMap((result, index) => (result.status === 'rejected' ? [{ documentId: documents[index].documentId, error: result.reason }] : []));
    const ok = results.length - failures.length;
    // The first refusal says why; all of them are in the console.
    const why = failures.length > 0 ? ` ${t('awards.bulkApprove.firstRefusal', { documentId: failures[0].documentId, message: refusalOf(failures[0].error) })}` : '';
    toggleNotification({
      type: failures.length === 0 ? 'success' : ok === 0 ? 'danger' : 'warning',
      message: t('awards.bulkApprove.done', { ok, failed: failures.length }) + why,
    });
    failures.forEach(({ documentId, error }) => console.warn(`award ${documentId}:`, refusalOf(error)));
    refresh(model, documents.map((award) => award.documentId));
  };
  return {
    label: t('awards.approve.label'),
    variant: 'secondary',
    dialog: { type: 'dialog', title: t('awards.approve.label'), content: t('awards.bulkApprove.confirm', { count: documents.length }), onConfirm: approve },
  };
};

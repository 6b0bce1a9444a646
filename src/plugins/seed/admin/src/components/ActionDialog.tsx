import * as React from 'react';
import { Button, Field, Flex, Modal, NumberInput, SingleSelect, SingleSelectOption, TextInput, Textarea, Typography } from '@strapi/design-system';
import { useFetchClient, useNotification } from '@strapi/strapi/admin';
import { nameOf, type DeskAction, type DeskField, type SeedDocument } from '../desk';
import { useT } from '../intl';
import { useRefresh, useRefusal } from '../api';

type Values = Record<string, string | number | undefined>;

interface Props {
  action: DeskAction;
  model: string;
  document: SeedDocument & { documentId: string };
  onClose: () => void;
}

const FieldInput = ({ field, value, onChange }: { field: DeskField; value: Values[string]; onChange: (value: Values[string]) => void }) => {
  const t = useT();
  switch (field.kind) {
    case 'textarea':
      return <Textarea name={field.name} value={String(value ?? '')} onChange={(e: React.ChangeEvent<HTMLTextAreaElement>) => onChange(e.target.value)} />;
    case 'number':
      return <NumberInput name={field.name} value={typeof value === 'number' ? value : undefined} onValueChange={onChange} />;
    case 'select':
      return (
        <SingleSelect name={field.name} value={value ?? null} onChange={(next) => onChange(String(next))}>
          {field.options?.map((option) => (
            <SingleSelectOption key={option} value={option}>
              {t(`option.${option}`)}
            </SingleSelectOption>
          ))}
        </SingleSelect>
      );
    default:
      return <TextInput name={field.name} type={field.kind} value={String(value ?? '')} onChange={(e: React.ChangeEvent<HTMLInputElement>) => onChange(e.target.value)} />;
  }
};

/** What the form allows sending: required fields filled, numbers in range, the name typed when asked. */
const isScalar = (value: unknown): value is string | number | boolean => ['string', 'number', 'boolean'].includes(typeof value);

/**
 * The answer's fields a result message may name: its scalars, and one level of its objects as
 * `<key><Field>` with `has<Key>` saying whether it is there (`reward: { amount }` → `rewardAmount`, `hasReward`).
 */
const messageValues = (answer: Record<string, unknown>): Values => {
  const values: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(answer)) {
    if (isScalar(value)) values[key] = value;
    else if (value === null || (typeof value === 'object' && !Array.isArray(value))) {
      const capitalised = key[0].toUpperCase() + key.slice(1);
      values[`has${capitalised}`] = String(value !== null);
      for (const [field, inner] of Object.entries(value ?? {})) if (isScalar(inner)) values[`${key}${field[0].toUpperCase()}${field.slice(1)}`] = inner;
    }
  }
  return values as Values;
};

const isComplete = (action: DeskAction, values: Values, typed: string, name: string) =>
  (action.fields ?? []).every((field) => {
    const value = values[field.name];
    if (value === undefined || value === '') return !field.required;
    if (typeof value !== 'number') return true;
    return Number.isInteger(value) && (field.min === undefined || value >= field.min) && (field.max === undefined || value <= field.max);
  }) && (!action.typeName || typed.trim() === name);

/** The confirmation of a desk action, with the fields its route takes; any refusal stays shown. */
export const ActionDialog = ({ action, model, document, onClose }: Props) => {
  const t = useT();
  const { post } = useFetchClient();
  const { toggleNotification } = useNotification();
  const refuse = useRefusal();
  const refresh = useRefresh();
  const [values, setValues] = React.useState<Values>({});
  const [typed, setTyped] = React.useState('');
  const [busy, setBusy] = React.useState(false);
  const name = nameOf(document);

  const submit = async () => {
    // Empty optional fields are left out: the routes refuse unknown or blank values.
    const filled = Object.fromEntries(Object.entries(values).filter(([, value]) => value !== undefined && value !== ''));
    setBusy(true);
    try {
      const { data } = await post<{ data: unknown }>(action.path.replace(':documentId', document.documentId), action.body ? action.body(filled, document) : filled);
      const answer = data.data && typeof data.data === 'object' ? (data.data as Record<string, unknown>) : {};
      toggleNotification({ type: 'success', message: t(`${action.key}.done`, { ...filled, ...messageValues(answer), name } as Values) });
      refresh(model, [document.documentId]);
      onClose();
    } catch (error) {
      refuse(error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <Modal.Body>
        <Flex direction="column" alignItems="stretch" gap={4}>
          <Typography>{t(`${action.key}.confirm`, { name })}</Typography>
          {action.fields?.map((field) => (
            <Field.Root key={field.name} name={field.name} required={field.required}>
              <Field.Label>{t(`field.${field.name}`)}</Field.Label>
              <FieldInput field={field} value={values[field.name]} onChange={(value) => setValues((prev) => ({ ...prev, [field.name]: value }))} />
            </Field.Root>
          ))}
          {action.typeName && (
            <Field.Root name="confirmName" required>
              <Field.Label>{t('dialog.typeToConfirm', { name })}</Field.Label>
              <TextInput name="confirmName" value={typed} onChange={(e: React.ChangeEvent<HTMLInputElement>) => setTyped(e.target.value)} />
            </Field.Root>
          )}
        </Flex>
      </Modal.Body>
      <Modal.Footer>
        <Button variant="tertiary" onClick={onClose}>
          {t('dialog.cancel')}
        </Button>
        <Button variant={action.danger ? 'danger' : 'default'} loading={busy} disabled={!isComplete(action, values, typed, name)} onClick={submit}>
          {t('dialog.confirm')}
        </Button>
      </Modal.Footer>
    </>
  );
};

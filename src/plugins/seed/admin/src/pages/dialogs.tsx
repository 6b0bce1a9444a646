/** The two staff corrections of an account, each confirmed in a dialog that keeps a refusal shown. */
import * as React from 'react';
import { Button, Field, Flex, Modal, NumberInput, Radio, Textarea, Typography } from '@strapi/design-system';
import { useFetchClient } from '@strapi/strapi/admin';
import { formatPoints, refusalOf } from './shared';

/** A v4 UUID; `crypto.randomUUID` exists only on HTTPS or localhost, and staff may reach the admin over plain HTTP. */
const newKey = () => {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6] & 0x0f) | 0x40;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
};

interface DialogProps {
  title: string;
  children: React.ReactNode;
  ready: boolean;
  danger?: boolean;
  submit: () => Promise<void>;
  onClose: () => void;
}

/** Open while mounted; closes on success, stays open with the refusal otherwise. */
const ConfirmDialog = ({ title, children, ready, danger, submit, onClose }: DialogProps) => {
  const [busy, setBusy] = React.useState(false);
  const [refusal, setRefusal] = React.useState<string | null>(null);
  const confirm = async () => {
    setBusy(true);
    setRefusal(null);
    try {
      await submit();
      onClose();
    } catch (error) {
      setRefusal(refusalOf(error));
      setBusy(false);
    }
  };
  return (
    <Modal.Root open onOpenChange={(open: boolean) => !open && !busy && onClose()}>
      <Modal.Content>
        <Modal.Header>
          <Modal.Title>{title}</Modal.Title>
        </Modal.Header>
        <Modal.Body>
          <Flex direction="column" alignItems="stretch" gap={4}>
            {children}
            {refusal ? (
              <Typography role="alert" textColor="danger600">
                {refusal}
              </Typography>
            ) : null}
          </Flex>
        </Modal.Body>
        <Modal.Footer>
          <Button variant="tertiary" onClick={onClose} disabled={busy}>
            Annuler
          </Button>
          <Button variant={danger ? 'danger' : 'default'} onClick={confirm} loading={busy} disabled={!ready}>
            Confirmer
          </Button>
        </Modal.Footer>
      </Modal.Content>
    </Modal.Root>
  );
};

const Reason = ({ value, onChange }: { value: string; onChange: (value: string) => void }) => (
  <Field.Root name="reason" required hint="Gardé au registre avec l’écriture.">
    <Field.Label>Motif</Field.Label>
    <Textarea name="reason" value={value} onChange={(e: React.ChangeEvent<HTMLTextAreaElement>) => onChange(e.target.value)} />
    <Field.Hint />
  </Field.Root>
);

export interface Done {
  entry: string;
  said: string;
}

export const AdjustDialog = ({ account, holder, onDone, onClose }: { account: string; holder: string; onDone: (done: Done) => void; onClose: () => void }) => {
  const { post } = useFetchClient();
  // One key per opening of the dialog: a double click, or a retry after a lost answer, pays once.
  const [key] = React.useState(newKey);
  const [direction, setDirection] = React.useState<'credit' | 'debit'>('credit');
  const [amount, setAmount] = React.useState<number | undefined>();
  const [reason, setReason] = React.useState('');
  const valid = amount !== undefined && Number.isInteger(amount) && amount > 0 && reason.trim() !== '';

  const submit = async () => {
    const { data } = await post<{ data: { entry: string } }>(`/seed/accounts/${account}/adjust`, { direction, amount, reason: reason.trim() }, { headers: { 'Idempotency-Key': key } });
    onDone({ entry: data.data.entry, said: `${direction === 'credit' ? 'Crédit' : 'Débit'} de ${formatPoints(amount!)} points enregistré.` });
  };

  return (
    <ConfirmDialog title={`Ajuster le compte de ${holder}`} ready={valid} submit={submit} onClose={onClose}>
      <Field.Root name="direction" required>
        <Field.Label>Sens</Field.Label>
        <Radio.Group value={direction} onValueChange={(value: string) => setDirection(value as 'credit' | 'debit')} aria-label="Sens de l’ajustement">
          <Radio.Item value="credit">Créditer (ajouter des points)</Radio.Item>
          <Radio.Item value="debit">Débiter (retirer des points)</Radio.Item>
        </Radio.Group>
      </Field.Root>
      <Field.Root name="amount" required hint="Un nombre entier de points, supérieur à zéro.">
        <Field.Label>Montant</Field.Label>
        <NumberInput name="amount" value={amount} onValueChange={setAmount} />
        <Field.Hint />
      </Field.Root>
      <Reason value={reason} onChange={setReason} />
    </ConfirmDialog>
  );
};

export const ReverseDialog = ({ entry, line, onDone, onClose }: { entry: string; line: string; onDone: (done: Done) => void; onClose: () => void }) => {
  const { post } = useFetchClient();
  const [reason, setReason] = React.useState('');

  const submit = async () => {
    const { data } = await post<{ data: { entry: string } }>(`/seed/entries/${entry}/reverse`, { reason: reason.trim() });
    onDone({ entry: data.data.entry, said: 'Écriture contre-passée.' });
  };

  return (
    <ConfirmDialog title="Contre-passer l’écriture" ready={reason.trim() !== ''} danger submit={submit} onClose={onClose}>
      <Typography>Une écriture inverse annulera : « {line} ».</Typography>
      <Reason value={reason} onChange={setReason} />
    </ConfirmDialog>
  );
};

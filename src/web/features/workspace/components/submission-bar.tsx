import { Alert, Button, Group, Modal, Stack, Textarea } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Assessment, GateProblem } from '../../../../contracts/assessments.ts';
import { ConfirmStep } from '../../../components/confirm-step.tsx';
import { ErrorAlert } from '../../../components/error-alert.tsx';
import { isApiError } from '../../../lib/api.ts';
import { keys, workspaceApi } from '../api.ts';
import { GateProblems } from './gate-problems.tsx';

type Props = {
  assessment: Assessment;
  /** Saves pending edits first; resolves false when something is still unsaved. */
  beforeSubmit: () => Promise<boolean>;
  onItem: (code: string) => void;
};

/** A refusal to show inside the question (the gate's own list shows below the bar instead). */
const otherErrorOf = (error: unknown): unknown =>
  error && !isApiError(error, 'SUBMISSION_INCOMPLETE') ? error : null;

/** "Ajukan" for the lead; "Setujui" / "Kembalikan" (with a note) for the unit's leader. */
export function SubmissionBar({ assessment, beforeSubmit, onItem }: Props) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [problems, setProblems] = useState<GateProblem[] | null>(null);
  const [unsaved, setUnsaved] = useState(false);
  const [note, setNote] = useState('');
  const [returning, returnDialog] = useDisclosure(false);
  const [confirming, setConfirming] = useState<'submit' | 'approve' | null>(null);
  const move = useMutation({
    mutationFn: ({ kind, text }: { kind: 'submit' | 'approve' | 'return'; text?: string }) =>
      workspaceApi.transition(assessment.id, kind, assessment.version, text),
    onSuccess: async () => {
      setProblems(null);
      setConfirming(null);
      returnDialog.close();
      setNote('');
      await client.invalidateQueries({ queryKey: keys.worksheet(assessment.id) });
      await client.invalidateQueries({ queryKey: ['assessments'] });
    },
    onError: (error) => {
      if (isApiError(error, 'SUBMISSION_INCOMPLETE') && Array.isArray(error.details)) {
        setConfirming(null);
        setProblems(error.details as GateProblem[]);
      }
    },
  });
  const submit = async () => {
    setUnsaved(false);
    if (!(await beforeSubmit())) {
      setUnsaved(true);
      return;
    }
    move.mutate({ kind: 'submit' });
  };
  const resubmit = assessment.status === 'returned';
  const showSubmit = assessment.can.submit && (assessment.status === 'draft' || resubmit);
  const showApprove = assessment.can.approve && assessment.status === 'submitted';
  if (!showSubmit && !showApprove) return null;
  const otherError =
    move.error && !isApiError(move.error, 'SUBMISSION_INCOMPLETE') ? (
      isApiError(move.error, 'STALE_WRITE') || isApiError(move.error, 'TRANSITION_NOT_ALLOWED') ? (
        <Alert color="orange" variant="light" role="alert">
          {t('ws.submit.changed')}{' '}
          <Button
            variant="subtle"
            size="compact-sm"
            onClick={() => void client.invalidateQueries({ queryKey: keys.worksheet(assessment.id) })}
          >
            {t('ws.submit.reload')}
          </Button>
        </Alert>
      ) : (
        <ErrorAlert error={move.error} />
      )
    ) : null;
  return (
    <Stack gap="xs">
      <Group gap="xs" wrap="wrap">
        {showSubmit && (
          <Button
            onClick={() => {
              move.reset();
              setConfirming('submit');
            }}
            loading={move.isPending}
          >
            {resubmit ? t('ws.submit.resubmit') : t('ws.submit.submit')}
          </Button>
        )}
        {showApprove && (
          <>
            <Button
              color="teal"
              onClick={() => {
                move.reset();
                setConfirming('approve');
              }}
              loading={move.isPending}
            >
              {t('ws.submit.approve')}
            </Button>
            <Button variant="default" onClick={returnDialog.open}>
              {t('ws.submit.return')}
            </Button>
          </>
        )}
      </Group>
      {unsaved && (
        <Alert color="yellow" variant="light" role="alert">
          {t('ws.submit.unsaved')}
        </Alert>
      )}
      {otherError}
      {problems && <GateProblems problems={problems} onItem={onItem} />}
      <ConfirmStep
        opened={confirming !== null}
        onClose={() => setConfirming(null)}
        onConfirm={() => (confirming === 'approve' ? move.mutate({ kind: 'approve' }) : void submit())}
        title={confirming === 'approve' ? t('ws.confirm.approveTitle') : t('ws.confirm.submitTitle')}
        happens={
          confirming === 'approve'
            ? [t('ws.confirm.approveLocks'), t('ws.confirm.approveNext')]
            : [t('ws.confirm.submitLocks'), t('ws.confirm.submitLeader')]
        }
        told={confirming === 'approve' ? t('ws.confirm.approveTold') : t('ws.confirm.submitTold')}
        confirmLabel={
          confirming === 'approve'
            ? t('ws.submit.approve')
            : resubmit
              ? t('ws.submit.resubmit')
              : t('ws.submit.submit')
        }
        color={confirming === 'approve' ? 'teal' : undefined}
        loading={move.isPending}
        error={otherErrorOf(move.error)}
      />
      <Modal opened={returning} onClose={returnDialog.close} title={t('ws.submit.returnTitle')}>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            if (note.trim()) move.mutate({ kind: 'return', text: note.trim() });
          }}
        >
          <Stack>
            <Textarea
              label={t('ws.submit.note')}
              description={t('ws.submit.noteHelp')}
              value={note}
              onChange={(e) => setNote(e.currentTarget.value)}
              autosize
              minRows={3}
              maxLength={5000}
              required
              data-autofocus
            />
            {move.error !== null && <ErrorAlert error={move.error} />}
            <Group justify="flex-end">
              <Button variant="default" onClick={returnDialog.close}>
                {t('common.cancel')}
              </Button>
              <Button type="submit" loading={move.isPending} disabled={!note.trim()}>
                {t('ws.submit.returnConfirm')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </Stack>
  );
}

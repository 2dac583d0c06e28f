import {
  Alert,
  Button,
  Card,
  Group,
  Modal,
  Radio,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AvailableActionView, ReviewActionName, ReviewView } from '../../../../contracts/reviews.ts';
import { ErrorAlert } from '../../../components/error-alert.tsx';
import { isApiError } from '../../../lib/api.ts';
import { reviewApi, reviewKeys } from '../api.ts';
import { GuardReasons, reasonsOf } from './guard-reasons.tsx';

/** The TPN decision: a predicate with its decree, or not awarded with the reason. */
const DECISIONS: readonly ReviewActionName[] = ['decide_wbk', 'decide_wbbm', 'tpn_not_award'];

type Step = { action: AvailableActionView; note: string; decreeNumber: string; decreeDate: string };

const useTransition = (view: ReviewView, onDone: () => void) => {
  const client = useQueryClient();
  const id = view.assessment.id;
  return useMutation({
    mutationFn: (step: Step) =>
      reviewApi.transition(id, step.action.action, {
        version: view.assessment.version,
        note: step.note.trim(),
        ...(step.action.needsDecree
          ? { decree: { number: step.decreeNumber.trim(), date: step.decreeDate } }
          : {}),
      }),
    onSuccess: async () => {
      onDone();
      await Promise.all([
        client.invalidateQueries({ queryKey: reviewKeys.view(id) }),
        client.invalidateQueries({ queryKey: reviewKeys.items(id) }),
        client.invalidateQueries({ queryKey: ['review', 'predicates'] }),
        client.invalidateQueries({ queryKey: reviewKeys.inbox }),
      ]);
    },
  });
};

/** Why the server refused a step: every failed guard when it says GUARD_FAILED, else its message. */
function Refusal({ error }: { error: unknown }) {
  const { t } = useTranslation();
  if (isApiError(error, 'GUARD_FAILED'))
    return (
      <Alert color="red" variant="light" role="alert" title={t('review.actions.refused')}>
        <GuardReasons reasons={reasonsOf(error.details)} label={t('review.actions.refusedList')} />
      </Alert>
    );
  return <ErrorAlert error={error} />;
}

/** The note and decree fields of a step, as the step needs them. */
function StepFields({ step, set }: { step: Step; set: (s: Step) => void }) {
  const { t } = useTranslation();
  const { action } = step.action;
  return (
    <>
      {step.action.needsDecree && (
        <>
          <TextInput
            label={t('review.decision.decreeNumber')}
            required
            value={step.decreeNumber}
            onChange={(e) => set({ ...step, decreeNumber: e.currentTarget.value })}
          />
          <TextInput
            type="date"
            label={t('review.decision.decreeDate')}
            required
            value={step.decreeDate}
            onChange={(e) => set({ ...step, decreeDate: e.currentTarget.value })}
          />
        </>
      )}
      <Textarea
        label={t(action === 'revoke' ? 'review.actions.reason' : 'review.actions.note')}
        description={
          step.action.needsNote ? t('review.actions.noteRequired') : t('review.actions.noteOptional')
        }
        required={step.action.needsNote}
        autosize
        minRows={3}
        value={step.note}
        onChange={(e) => set({ ...step, note: e.currentTarget.value })}
      />
    </>
  );
}

const ready = (s: Step) =>
  (!s.action.needsNote || s.note.trim() !== '') &&
  (!s.action.needsDecree || (s.decreeNumber.trim() !== '' && /^\d{4}-\d{2}-\d{2}$/.test(s.decreeDate)));

const fresh = (action: AvailableActionView): Step => ({ action, note: '', decreeNumber: '', decreeDate: '' });

/** TPN's decision form: WBK / WBBM with the decree, or not awarded with the reason. */
function DecisionCard({ view, decisions }: { view: ReviewView; decisions: AvailableActionView[] }) {
  const { t } = useTranslation();
  const [step, setStep] = useState<Step | null>(null);
  const move = useTransition(view, () => setStep(null));
  const chosen = step ?? (decisions[0] ? fresh(decisions[0]) : null);
  if (!chosen) return null;
  return (
    <Card withBorder radius="md">
      <form
        aria-label={t('review.decision.title')}
        onSubmit={(e) => {
          e.preventDefault();
          if (ready(chosen)) move.mutate(chosen);
        }}
      >
        <Stack gap="sm">
          <Title order={2} size="h4">
            {t('review.decision.title')}
          </Title>
          <Radio.Group
            label={t('review.decision.outcome')}
            value={chosen.action.action}
            onChange={(v) => {
              const next = decisions.find((d) => d.action === v);
              if (next) setStep({ ...chosen, action: next });
              move.reset();
            }}
          >
            <Stack gap={6} mt={6}>
              {decisions.map((d) => (
                <Radio key={d.action} value={d.action} label={t(`review.action.${d.action}`)} />
              ))}
            </Stack>
          </Radio.Group>
          <GuardReasons
            reasons={chosen.action.blocked}
            label={t('review.actions.blockedNamed', { action: t(`review.action.${chosen.action.action}`) })}
          />
          <StepFields step={chosen} set={setStep} />
          {move.error && <Refusal error={move.error} />}
          <Group>
            <Button
              type="submit"
              color={chosen.action.action === 'tpn_not_award' ? 'red' : 'teal'}
              disabled={!ready(chosen) || chosen.action.blocked.length > 0}
              loading={move.isPending}
            >
              {t('review.decision.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}

/**
 * The steps the caller may take from here, each with what still blocks it; a step that needs a note or a
 * decree asks for it first. TPN's decision has its own form.
 */
export function ActionsPanel({ view }: { view: ReviewView }) {
  const { t } = useTranslation();
  const [step, setStep] = useState<Step | null>(null);
  const move = useTransition(view, () => setStep(null));
  const decisions = view.actions.filter((a) => DECISIONS.includes(a.action));
  const others = view.actions.filter((a) => !DECISIONS.includes(a.action));
  if (view.actions.length === 0)
    return (
      <Text size="sm" c="dimmed">
        {t('review.actions.none')}
      </Text>
    );
  return (
    <Stack gap="sm">
      {others.length > 0 && (
        <Card withBorder radius="md" component="section" aria-label={t('review.actions.title')}>
          <Stack gap="xs">
            <Title order={2} size="h4">
              {t('review.actions.title')}
            </Title>
            {others.map((a) => (
              <Stack key={a.action} gap={2}>
                <Group gap="xs">
                  <Button
                    variant={a.action.includes('return') || a.action === 'revoke' ? 'default' : 'filled'}
                    color={a.action === 'revoke' ? 'red' : undefined}
                    disabled={a.blocked.length > 0}
                    onClick={() => {
                      move.reset();
                      setStep(fresh(a));
                    }}
                  >
                    {t(`review.action.${a.action}`)}
                  </Button>
                </Group>
                <GuardReasons
                  reasons={a.blocked}
                  label={t('review.actions.blockedNamed', { action: t(`review.action.${a.action}`) })}
                />
              </Stack>
            ))}
          </Stack>
        </Card>
      )}
      {decisions.length > 0 && <DecisionCard view={view} decisions={decisions} />}
      <Modal
        opened={step !== null}
        onClose={() => setStep(null)}
        title={step ? t(`review.action.${step.action.action}`) : ''}
      >
        {step && (
          <form
            onSubmit={(e) => {
              e.preventDefault();
              if (ready(step)) move.mutate(step);
            }}
          >
            <Stack>
              <Text size="sm">{t(`review.actionHelp.${step.action.action}`)}</Text>
              <StepFields step={step} set={setStep} />
              {move.error && <Refusal error={move.error} />}
              <Group justify="flex-end">
                <Button variant="default" onClick={() => setStep(null)}>
                  {t('common.cancel')}
                </Button>
                <Button type="submit" disabled={!ready(step)} loading={move.isPending}>
                  {t('review.actions.confirm')}
                </Button>
              </Group>
            </Stack>
          </form>
        )}
      </Modal>
    </Stack>
  );
}

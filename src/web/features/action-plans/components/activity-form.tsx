import {
  Button,
  Checkbox,
  Group,
  NumberInput,
  Select,
  Stack,
  TagsInput,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/error-alert.tsx';
import { isApiError } from '../../../lib/api.ts';
import { errorMessage, fieldErrors } from '../../../lib/errors.ts';
import { plansApi, QUARTERS, type Activity, type ActivityInput } from '../api.ts';

type Props = {
  planId: string;
  area: number;
  activity?: Activity | undefined;
  employees: ReadonlyArray<{ id: string; name: string }>;
  onDone: () => void | Promise<void>;
  onCancel: () => void;
};

/** Add or edit an activity of an area's plan: output, measurable target, quarters, owner, budget, LKE items. */
export function ActivityForm({ planId, area, activity, employees, onDone, onCancel }: Props) {
  const { t } = useTranslation();
  const [title, setTitle] = useState(activity?.title ?? '');
  const [output, setOutput] = useState(activity?.output ?? '');
  const [target, setTarget] = useState<number | string>(activity?.target ?? 1);
  const [targetUnit, setTargetUnit] = useState(activity?.targetUnit ?? '');
  const [quarters, setQuarters] = useState<string[]>((activity?.quarters ?? [1, 2, 3, 4]).map(String));
  const [person, setPerson] = useState<string | null>(activity?.personInChargeId ?? null);
  const [budget, setBudget] = useState<number | string>(activity?.budget ?? '');
  const [codes, setCodes] = useState<string[]>(activity?.lkeCodes ?? []);
  const save = useMutation({
    mutationFn: (body: ActivityInput) =>
      activity
        ? plansApi.updateActivity(activity.id, activity.version, body)
        : plansApi.createActivity(planId, body),
    onSuccess: () => onDone(),
  });
  // A 400 names its fields: show each message under its input (lkeCodes.1 → the LKE field).
  const errs = fieldErrors(t, save.error);
  const codeField: Record<string, string> = {
    LKE_CODE_OUTSIDE_AREA: 'lkeCodes',
    LKE_CODE_UNKNOWN: 'lkeCodes',
    PERSON_NOT_EMPLOYEE: 'personInChargeId',
  };
  if (isApiError(save.error) && codeField[save.error.code])
    errs[codeField[save.error.code] as string] = errorMessage(t, save.error);
  const errorOf = (field: string) =>
    errs[field] ?? Object.entries(errs).find(([path]) => path.startsWith(`${field}.`))?.[1];
  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    save.mutate({
      title: title.trim(),
      output: output.trim(),
      target: Number(target),
      targetUnit: targetUnit.trim(),
      quarters: quarters.map(Number).sort(),
      personInChargeId: person,
      budget: budget === '' ? null : Number(budget),
      // A code typed with its separator ("P1.ii.a,") is still that code.
      lkeCodes: [...new Set(codes.flatMap((c) => c.split(/[\s,;]+/)).filter(Boolean))],
    });
  };
  return (
    <form onSubmit={submit}>
      <Stack>
        <TextInput
          label={t('actionPlans.activity.title')}
          error={errorOf('title')}
          value={title}
          onChange={(e) => setTitle(e.currentTarget.value)}
          required
          maxLength={300}
        />
        <Textarea
          label={t('actionPlans.activity.output')}
          error={errorOf('output')}
          value={output}
          onChange={(e) => setOutput(e.currentTarget.value)}
          autosize
          minRows={2}
          maxLength={1000}
        />
        <Group grow align="flex-start">
          <NumberInput
            label={t('actionPlans.activity.target')}
            error={errorOf('target')}
            value={target}
            onChange={setTarget}
            min={0}
            decimalSeparator=","
            thousandSeparator="."
            required
          />
          <TextInput
            label={t('actionPlans.activity.targetUnit')}
            error={errorOf('targetUnit')}
            description={t('actionPlans.activity.targetUnitHint')}
            value={targetUnit}
            onChange={(e) => setTargetUnit(e.currentTarget.value)}
            required
            maxLength={60}
          />
        </Group>
        <Checkbox.Group
          label={t('actionPlans.activity.quarters')}
          error={errorOf('quarters')}
          value={quarters}
          onChange={setQuarters}
          required
        >
          <Group mt={4}>
            {QUARTERS.map((q) => (
              <Checkbox key={q} value={String(q)} label={t('actionPlans.quarter', { q })} />
            ))}
          </Group>
        </Checkbox.Group>
        <Select
          label={t('actionPlans.activity.person')}
          error={errorOf('personInChargeId')}
          data={employees.map((e) => ({ value: e.id, label: e.name }))}
          value={person}
          onChange={setPerson}
          searchable
          clearable
          nothingFoundMessage={t('actionPlans.activity.noEmployees')}
        />
        <NumberInput
          label={t('actionPlans.activity.budget')}
          error={errorOf('budget')}
          value={budget}
          onChange={setBudget}
          min={0}
          allowDecimal={false}
          thousandSeparator="."
          decimalSeparator=","
          prefix="Rp "
        />
        <TagsInput
          label={t('actionPlans.activity.lkeCodes')}
          error={errorOf('lkeCodes')}
          description={t('actionPlans.activity.lkeCodesHint', { area })}
          value={codes}
          onChange={setCodes}
          placeholder={`P${area}.i.a`}
          splitChars={[',', ' ']}
        />
        {save.isError && <ErrorAlert error={save.error} />}
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            {t('actionPlans.cancel')}
          </Button>
          <Button type="submit" loading={save.isPending} disabled={quarters.length === 0}>
            {t('actionPlans.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

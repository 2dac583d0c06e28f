import type { ReactNode } from 'react';

export type ChoiceProps = {
  name: string;
  legend: ReactNode;
  help?: string;
  requiredLabel: string;
  options: { value: string; label: string }[];
  value: string | string[] | undefined;
  multiple?: boolean;
  error?: string;
  onChange: (value: string | string[]) => void;
};

/** One question's options: a fieldset whose legend is the question, big tappable rows, the error beside it. */
export function Choice(p: ChoiceProps) {
  const helpId = p.help ? `${p.name}-help` : undefined;
  const errorId = p.error ? `${p.name}-error` : undefined;
  const describedBy = [helpId, errorId].filter(Boolean).join(' ') || undefined;
  const selected = Array.isArray(p.value) ? p.value : p.value === undefined ? [] : [p.value];
  return (
    <fieldset
      className={p.error ? 'q q-invalid' : 'q'}
      id={p.name}
      tabIndex={-1}
      aria-describedby={describedBy}
      aria-invalid={p.error ? true : undefined}
    >
      <legend>
        {p.legend} <span className="req">({p.requiredLabel})</span>
      </legend>
      {p.help && (
        <p className="help" id={helpId}>
          {p.help}
        </p>
      )}
      {p.error && (
        <p className="field-error" id={errorId}>
          {p.error}
        </p>
      )}
      <div className="options">
        {p.options.map((o, i) => {
          const id = `${p.name}-${i}`;
          const checked = selected.includes(o.value);
          return (
            <label key={o.value} htmlFor={id} className={checked ? 'option checked' : 'option'}>
              <input
                id={id}
                type={p.multiple ? 'checkbox' : 'radio'}
                name={p.name}
                value={o.value}
                checked={checked}
                aria-describedby={describedBy}
                onChange={(e) => {
                  if (!p.multiple) p.onChange(o.value);
                  else
                    p.onChange(
                      e.target.checked ? [...selected, o.value] : selected.filter((v) => v !== o.value),
                    );
                }}
              />
              <span>{o.label}</span>
            </label>
          );
        })}
      </div>
    </fieldset>
  );
}

export type TextProps = {
  name: string;
  label: ReactNode;
  help?: string;
  requiredLabel: string;
  value: string;
  maxLength?: number;
  multiline?: boolean;
  error?: string;
  autoCapitalize?: string;
  onChange: (value: string) => void;
};

export function TextField(p: TextProps) {
  const helpId = p.help ? `${p.name}-help` : undefined;
  const errorId = p.error ? `${p.name}-error` : undefined;
  const describedBy = [helpId, errorId].filter(Boolean).join(' ') || undefined;
  const common = {
    id: p.name,
    name: p.name,
    value: p.value,
    maxLength: p.maxLength,
    'aria-describedby': describedBy,
    'aria-invalid': p.error ? true : undefined,
    autoComplete: 'off',
  } as const;
  return (
    <div className={p.error ? 'q q-invalid' : 'q'}>
      <label htmlFor={p.name} className="q-label">
        {p.label} <span className="req">({p.requiredLabel})</span>
      </label>
      {p.help && (
        <p className="help" id={helpId}>
          {p.help}
        </p>
      )}
      {p.error && (
        <p className="field-error" id={errorId}>
          {p.error}
        </p>
      )}
      {p.multiline ? (
        <textarea {...common} rows={4} onChange={(e) => p.onChange(e.target.value)} />
      ) : (
        <input
          {...common}
          type="text"
          autoCapitalize={p.autoCapitalize}
          spellCheck={false}
          onChange={(e) => p.onChange(e.target.value)}
        />
      )}
    </div>
  );
}

import type { LkeTemplate } from '../../../core/lke/template-model.ts';
import { HttpError } from '../../http/errors.ts';
import { loadLkeTemplate } from '../../lke/load-lke-template.ts';

/**
 * The template a period pinned. Only the installed file of that id exists, so a period pinned to another
 * version is refused rather than validated against rules it never agreed to.
 */
export const pinnedTemplate = async (period: {
  templateId: string;
  templateVersion: string;
}): Promise<LkeTemplate> => {
  const loaded = await loadLkeTemplate(period.templateId);
  if (!loaded.ok) throw new Error(loaded.error.message);
  if (loaded.value.version !== period.templateVersion) {
    throw new HttpError(
      409,
      'TEMPLATE_VERSION_MISSING',
      `The period pinned ${period.templateId} ${period.templateVersion}; version ${loaded.value.version} is installed.`,
    );
  }
  return loaded.value;
};

// An error value as its German (or English) sentence, announced to screen readers; nothing when none.
import type { AppError } from '../../../shared/result';
import { errorText, useTranslation } from '../i18n';

export function ErrorMessage({
  error,
  id,
  inline,
  context,
}: {
  error: AppError | null;
  id?: string;
  inline?: boolean;
  context?: string;
}) {
  const { t } = useTranslation();
  if (!error) return null;
  const Tag = inline ? 'span' : 'p';
  return (
    <Tag id={id} className="error-text" role="alert">
      {errorText(t, error, context)}
    </Tag>
  );
}

import { Button, MessageBar, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import type { TemplateAnalysis } from '../../../shared/api';
import { useI18n, type MessageKey } from '../i18n';
import { useLayout } from '../ui/styles';

/** The name of a template part ("subject", "html", "text") in the user's language. */
function partKey(part: string): MessageKey {
  return part === 'subject' || part === 'text' ? `review.part.${part}` : 'review.part.html';
}

/** Syntax errors (with line and column), unknown fields (with suggestions) and fields empty for some rows. */
export function TemplateChecks(props: { analysis: TemplateAnalysis; onReplace: (field: string, suggestion: string) => void }) {
  const layout = useLayout();
  const { t } = useI18n();
  const { syntaxErrors, unknownFields, emptyPerField } = props.analysis;
  const empty = emptyPerField.filter((e) => e.count > 0);
  if (syntaxErrors.length + unknownFields.length + empty.length === 0) {
    return (
      <MessageBar intent="success" data-testid="template-ok">
        <MessageBarBody>{t('review.noWarnings')}</MessageBarBody>
      </MessageBar>
    );
  }
  return (
    <div className={layout.tight} data-testid="template-warnings">
      {syntaxErrors.length > 0 && (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{t('review.blockedSyntax')}</MessageBarTitle>
            <ul className={layout.list}>
              {syntaxErrors.map((e, i) => (
                <li key={i} data-testid="syntax-error">
                  {t('review.syntaxError', { part: t(partKey(e.part)), line: e.line, column: e.column, message: e.message })}
                </li>
              ))}
            </ul>
          </MessageBarBody>
        </MessageBar>
      )}
      {unknownFields.length > 0 && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            <ul className={layout.list}>
              {unknownFields.map((u) => (
                <li key={u.field} data-testid="unknown-field">
                  {t('review.unknownField', { field: u.field })}{' '}
                  {u.suggestion && (
                    <>
                      {t('review.didYouMean', { suggestion: u.suggestion })}{' '}
                      <Button size="small" appearance="transparent" onClick={() => props.onReplace(u.field, u.suggestion!)}>
                        {t('review.useSuggestion', { suggestion: u.suggestion })}
                      </Button>
                    </>
                  )}
                </li>
              ))}
            </ul>
          </MessageBarBody>
        </MessageBar>
      )}
      {empty.length > 0 && (
        <MessageBar intent="info" layout="multiline">
          <MessageBarBody>
            <ul className={layout.list}>
              {empty.map((e) => (
                <li key={e.field} data-testid="empty-field">
                  {t('review.emptyField', { field: e.field, count: e.count })}
                </li>
              ))}
            </ul>
          </MessageBarBody>
        </MessageBar>
      )}
    </div>
  );
}

import { Alert } from '@zendeskgarden/react-notifications';
import type { ProxyProblem } from './api/proxy-client';
import type { Translate } from './i18n/i18n';

/** A short message after an action (inserted, applied, written, or why not). */
export interface Notice {
  readonly kind: 'success' | 'error' | 'info';
  readonly text: string;
}

/** What Zendesk said when it refused an action, in the agent's language. */
export function zendeskErrorNotice(t: Translate, error: unknown): Notice {
  return {
    kind: 'error',
    text: t('zendesk.error', { message: error instanceof Error ? error.message : String(error) }),
  };
}

export function NoticeAlert({ notice }: { notice: Notice | undefined }) {
  if (notice === undefined) return null;
  return (
    <Alert type={notice.kind} role={notice.kind === 'error' ? 'alert' : 'status'}>
      {notice.text}
    </Alert>
  );
}

/** The message for a proxy problem, in the agent's language. */
export function problemText(t: Translate, p: ProxyProblem): string {
  switch (p.kind) {
    case 'notConfigured':
      return t('err.noProxy');
    case 'network':
      return t('err.network');
    case 'unauthorized':
      return t('err.401');
    case 'rateLimited':
      return t('err.429');
    case 'unavailable':
      return t('err.503', { database: p.database ?? '—' });
    case 'badRequest':
      return t('err.400', {
        fields: p.fields.length === 0 ? (p.message ?? '') : p.fields.map((f) => `${f.field}: ${f.reason}`).join('; '),
      });
    case 'server':
      return t('err.500');
    case 'badResponse':
      return t('err.badResponse');
    case 'featureNotConfigured':
      return t('err.featureNotConfigured');
    case 'attachmentRefused':
      return t('err.attachmentRefused');
    case 'zendesk':
      return t('err.zendesk');
  }
}

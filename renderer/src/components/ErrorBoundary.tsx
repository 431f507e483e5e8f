import { Component, type ReactNode } from 'react';
import { reportError } from '../platform/error-reports';

interface State {
  readonly failed: boolean;
}

/**
 * A render error anywhere below is reported to main's log and the page reloaded: the cart lives in main, so the
 * cashier gets the till back rather than a blank window. At most one reload a minute (a page that fails at
 * once would otherwise loop); after that a plain message stays.
 */
export class ErrorBoundary extends Component<{ readonly children: ReactNode }, State> {
  override state: State = { failed: false };

  static getDerivedStateFromError(): State {
    return { failed: true };
  }

  override componentDidCatch(error: unknown): void {
    reportError('render', error);
    const last = Number(sessionStorage.getItem('pos.reloadedAfterError') ?? '0');
    if (Date.now() - last > 60_000) {
      sessionStorage.setItem('pos.reloadedAfterError', String(Date.now()));
      setTimeout(() => location.reload(), 500);
    }
  }

  override render(): ReactNode {
    // Not translated: the i18n provider is part of what may have failed.
    if (this.state.failed)
      return <div className="splash">出错了，正在重新载入… / Something went wrong; reloading…</div>;
    return this.props.children;
  }
}

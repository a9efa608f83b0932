import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router-dom';
import { cn } from '../../lib/cn';
import { LanguageSwitch } from '../language-switch';
import { Button } from '../ui/button';

export interface ShellNavItem {
  key: string;
  to: string;
  label: string;
  /** Served by the backend outside the SPA (Swagger UI): a plain link in a new tab. */
  external?: boolean;
}

const linkClass = (active: boolean) =>
  cn(
    'flex items-center rounded-md px-3 py-2 text-sm font-medium',
    'focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-sky-500',
    active ? 'bg-sky-50 text-sky-800' : 'text-slate-700 hover:bg-slate-100 hover:text-slate-900',
  );

/**
 * The frame of every signed-in page: header (app name, language, current user, logout),
 * role-aware navigation (a sidebar on wide screens, a collapsible menu on narrow ones), content.
 */
export function AppShell({
  username,
  displayName,
  navItems,
  onLogout,
  loggingOut = false,
  liveStatus,
  headerActions,
  search,
  menuSearch,
  children,
}: {
  username: string;
  displayName?: string;
  navItems: ShellNavItem[];
  onLogout: () => void;
  loggingOut?: boolean;
  /** State of the live update channel; shown as a small dot with a text label. */
  liveStatus?: 'connecting' | 'live' | 'offline';
  /** Composed by the app (e.g. the notification bell); shown before the current user. */
  headerActions?: ReactNode;
  /** The header's search box, for users who may search the patient registry. */
  search?: ReactNode;
  /** The same search for the folded menu on a phone, where the header has no room for it (issue 15 item 7). */
  menuSearch?: ReactNode;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const [menuOpen, setMenuOpen] = useState(false);

  return (
    <div className="flex min-h-screen flex-col bg-slate-50">
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2 focus:text-sm"
      >
        {t('shell.skipToContent')}
      </a>
      <header className="sticky top-0 z-30 border-b border-slate-200 bg-white">
        <div className="flex h-14 items-center gap-3 px-4">
          <button
            type="button"
            className="inline-flex h-9 w-9 items-center justify-center rounded-md text-slate-700 hover:bg-slate-100 focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-sky-500 lg:hidden"
            aria-expanded={menuOpen}
            aria-controls="main-navigation"
            aria-label={menuOpen ? t('shell.closeMenu') : t('shell.openMenu')}
            data-testid="menu-toggle"
            onClick={() => setMenuOpen((open) => !open)}
          >
            <span aria-hidden="true" className="text-lg">
              {menuOpen ? '✕' : '☰'}
            </span>
          </button>
          <NavLink to="/" className="flex items-center gap-2 rounded focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-sky-500">
            <span aria-hidden="true" className="flex h-7 w-7 items-center justify-center rounded bg-sky-700 text-sm font-bold text-white">
              +
            </span>
            <span className="text-lg font-semibold tracking-tight text-slate-900">CDSS</span>
            <span className="hidden text-sm text-slate-500 lg:inline">{t('app.subtitle')}</span>
          </NavLink>
          {search ? <div className="ml-4">{search}</div> : null}
          <div className="ml-auto flex items-center gap-2 lg:gap-3">
            {/* on a phone or a tablet (below 1024 px) the language, the user and logout fold into the menu (issue 15 item 7) */}
            <span className="hidden lg:contents">
              <LanguageSwitch />
            </span>
            {liveStatus ? (
              <span className="hidden items-center gap-1 text-xs text-slate-500 lg:flex" data-testid="live-status" data-status={liveStatus} role="status">
                <span aria-hidden="true" className={liveStatus === 'live' ? 'h-2 w-2 rounded-full bg-emerald-500' : liveStatus === 'connecting' ? 'h-2 w-2 rounded-full bg-amber-400' : 'h-2 w-2 rounded-full bg-slate-300'} />
                {t(`shell.live.${liveStatus}`)}
              </span>
            ) : null}
            {headerActions}
            <span className="hidden max-w-[9rem] truncate text-sm text-slate-700 lg:inline lg:max-w-none" data-testid="current-user" title={displayName}>
              <span className="sr-only">{t('shell.signedInAs')} </span>
              {displayName ? <span className="hidden font-medium lg:inline">{displayName} </span> : null}
              <span className="text-slate-500">{username}</span>
            </span>
            <Button variant="secondary" size="sm" data-testid="logout" onClick={onLogout} disabled={loggingOut} className="hidden lg:inline-flex">
              {t('shell.logout')}
            </Button>
          </div>
        </div>
      </header>
      <div className="flex flex-1 flex-col lg:flex-row">
        <nav
          id="main-navigation"
          aria-label={t('shell.navigation')}
          className={cn(
            'border-b border-slate-200 bg-white px-3 py-3 lg:block lg:w-56 lg:shrink-0 lg:border-b-0 lg:border-r',
            menuOpen ? 'block' : 'hidden',
          )}
        >
          {menuOpen ? (
            <div className="mb-3 space-y-3 border-b border-slate-200 pb-3 lg:hidden" data-testid="menu-header-controls">
              {menuSearch}
              <div className="flex items-center justify-between gap-2">
                <span className="truncate text-sm text-slate-700" data-testid="menu-current-user">
                  <span className="sr-only">{t('shell.signedInAs')} </span>
                  {displayName ? <span className="font-medium">{displayName} </span> : null}
                  <span className="text-slate-500">{username}</span>
                </span>
                <LanguageSwitch />
              </div>
              <Button variant="secondary" size="sm" data-testid="menu-logout" onClick={onLogout} disabled={loggingOut}>
                {t('shell.logout')}
              </Button>
            </div>
          ) : null}
          <ul className="space-y-1">
            {navItems.map((item) => (
              <li key={item.key}>
                {item.external ? (
                  <a
                    href={item.to}
                    target="_blank"
                    rel="noopener noreferrer"
                    data-testid={`nav-${item.key}`}
                    className={linkClass(false)}
                  >
                    {item.label}
                    <span aria-hidden="true" className="ml-1 text-xs">
                      ↗
                    </span>
                    <span className="sr-only"> ({t('shell.opensInNewTab')})</span>
                  </a>
                ) : (
                  <NavLink
                    to={item.to}
                    end={item.to === '/'}
                    data-testid={`nav-${item.key}`}
                    className={({ isActive }) => linkClass(isActive)}
                    onClick={() => setMenuOpen(false)}
                  >
                    {item.label}
                  </NavLink>
                )}
              </li>
            ))}
          </ul>
        </nav>
        <main id="main" tabIndex={-1} className="min-w-0 flex-1 px-4 py-6 focus:outline-none md:px-8">
          {children}
        </main>
      </div>
    </div>
  );
}

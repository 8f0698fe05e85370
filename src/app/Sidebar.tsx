// The learner's side of the page: lessons, controls and code in one tabbed column beside the panels,
// so a lesson can be left for the controls and found again at the same step.
import { Suspense, type KeyboardEvent } from 'react';
import { LazyFallback, lazyNow } from '../dom/lazy-now.tsx';

// Lessons and code are read less often than the controls: they load when first opened.
const LessonsPanel = lazyNow(() => import('../panels/lessons/LessonsPanel.tsx').then((m) => m.LessonsPanel));
// The Controls tab is mounted from the start (its state survives tab switches) but loads as its own chunk,
// right after the first screen: the quick p/γ/β strip above the panels is on the first screen instead.
const ControlsPanel = lazyNow(() => import('../panels/controls/ControlsPanel.tsx').then((m) => m.ControlsPanel));
const CodePanel = lazyNow(() => import('../panels/code/CodePanel.tsx').then((m) => m.CodePanel));
const ExportPanel = lazyNow(() => import('../panels/export/ExportPanel.tsx').then((m) => m.ExportPanel));
const LOADING = <p className="empty">…</p>;
import { useLab } from '../store/lab.ts';
import { useT } from '../i18n/useT.ts';
import { Welcome } from './Welcome.tsx';
import { TABS, openTab as setTab, useOpenTab, type Tab } from './sidebar-tab.ts';

export function Sidebar() {
  const t = useT();
  const tab = useOpenTab();
  const hide = useLab((s) => s.hide);
  const onKey = (e: KeyboardEvent) => {
    const i = TABS.indexOf(tab);
    let next: Tab | null = null;
    if (e.key === 'ArrowRight') next = TABS[(i + 1) % TABS.length];
    else if (e.key === 'ArrowLeft') next = TABS[(i + TABS.length - 1) % TABS.length];
    else if (e.key === 'Home') next = TABS[0];
    else if (e.key === 'End') next = TABS[TABS.length - 1];
    if (next) {
      e.preventDefault();
      setTab(next);
      document.getElementById(`tab-${next}`)?.focus();
    }
  };
  return (
    <aside className="sidebar">
      <Welcome />
      <div role="tablist" aria-label={t('sidebar.label')} className="sidebar-tabs" onKeyDown={onKey}>
        {TABS.map((id) => (
          <button
            key={id}
            id={`tab-${id}`}
            type="button"
            role="tab"
            aria-selected={tab === id}
            aria-controls={`tabpanel-${id}`}
            tabIndex={tab === id ? 0 : -1}
            onClick={() => setTab(id)}
          >
            {t(`sidebar.${id}`)}
          </button>
        ))}
      </div>
      {TABS.map((id) => (
        <div key={id} id={`tabpanel-${id}`} role="tabpanel" aria-labelledby={`tab-${id}`} hidden={tab !== id} className="sidebar-body">
          <LazyFallback.Provider value={LOADING}>
            <Suspense fallback={LOADING}>
              {id === 'lessons' && tab === id ? <LessonsPanel /> : null}
              {id === 'controls' ? <ControlsPanel hidden={new Set(hide)} /> : null}
              {id === 'code' && tab === id ? <CodePanel /> : null}
              {id === 'export' && tab === id ? <ExportPanel /> : null}
            </Suspense>
          </LazyFallback.Provider>
        </div>
      ))}
    </aside>
  );
}

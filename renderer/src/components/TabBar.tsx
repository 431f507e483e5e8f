// A row of tabs over a screen's sections (settings, reports): the chosen one highlighted, each tab's name in
// data-tab for tests and for the screen's own keys.
interface Props<T extends string> {
  readonly tabs: readonly T[];
  readonly current: T;
  readonly testId: string;
  readonly label: (tab: T) => string;
  readonly onChoose: (tab: T) => void;
}

export function TabBar<T extends string>({ tabs, current, testId, label, onChoose }: Props<T>) {
  return (
    <div className="settings-tabs" role="tablist">
      {tabs.map((name) => (
        <button
          key={name}
          type="button"
          role="tab"
          aria-selected={current === name}
          className={`btn ${current === name ? 'btn-primary' : 'btn-secondary'}`}
          data-testid={testId}
          data-tab={name}
          onClick={() => onChoose(name)}
        >
          {label(name)}
        </button>
      ))}
    </div>
  );
}

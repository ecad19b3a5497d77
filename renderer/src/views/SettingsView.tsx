// Placeholder: being built.
export function SettingsView() {
  return <section className="card">SettingsView</section>;
}

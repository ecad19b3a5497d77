// Placeholder: being built.
export function Reports({ desktop }: { desktop: boolean }) {
  void desktop;
  return <section className="card">Reports</section>;
}

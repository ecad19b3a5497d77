// Placeholder: being built.
export function EntryForm() {
  return <section className="card">EntryForm</section>;
}

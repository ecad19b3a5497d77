// Placeholder: being built.
export function Dashboard({ onNewShipment }: { onNewShipment: () => void }) {
  void onNewShipment;
  return <section className="card">Dashboard</section>;
}

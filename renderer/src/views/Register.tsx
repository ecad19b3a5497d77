// Placeholder: being built.
export function Register() {
  return <section className="card">Register</section>;
}

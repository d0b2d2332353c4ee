export function App() {
  return (
    <main>
      <h1>CORS Lens</h1>
      <p>Watching this tab's cross-origin requests.</p>
    </main>
  );
}

export function EmptyState({ filtered }: { filtered: boolean }) {
  if (filtered) return <p class="empty-note">No request matches the filters.</p>;
  return (
    <div class="empty" role="note">
      <h2>No cross-origin requests yet</h2>
      <p>
        CORS Lens watches this tab's cross-origin requests — fetch, XMLHttpRequest, fonts, images with{" "}
        <code>crossorigin</code>, workers — and their preflights. When the browser blocks one, it shows the
        failing check, what the server sent, and the fix.
      </p>
      <p>
        Requests made before DevTools was opened are listed too. Reload the page or trigger the request to see
        it here.
      </p>
    </div>
  );
}

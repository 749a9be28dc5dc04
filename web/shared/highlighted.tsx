/** A stretch of a title or snippet from the search routes, marked when it is a query word. */
export interface Part {
  text: string;
  hit: boolean;
}

/** Text with the query's words marked (console and portal search); the parts come from the server, so nothing is parsed as HTML. */
export function Highlighted({ parts }: { parts: Part[] }) {
  return (
    <>
      {parts.map((p, i) =>
        p.hit ? (
          <mark key={i} className="search-hit" style={{ background: '#fde68a', padding: 0, color: 'inherit' }}>
            {p.text}
          </mark>
        ) : (
          <span key={i}>{p.text}</span>
        ),
      )}
    </>
  );
}

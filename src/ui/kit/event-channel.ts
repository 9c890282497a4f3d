/** A minimal synchronous pub/sub, for event streams that come as a listener callback (bench). */
export class EventChannel<E> {
  readonly #listeners = new Set<(event: E) => void>();

  /** Subscribes; returns the unsubscribe function. Bound, so it can be passed around. */
  readonly subscribe = (listener: (event: E) => void): (() => void) => {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  };

  /** Delivers an event to every listener. Bound, so it can be handed out as a listener itself. */
  readonly emit = (event: E): void => {
    for (const listener of this.#listeners) listener(event);
  };
}

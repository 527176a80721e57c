/** Pan and zoom of the drawing: a CSS transform on the canvas inside the viewport. */
export interface View {
  x: number;
  y: number;
  k: number;
}

const MIN_ZOOM = 0.05;
const MAX_ZOOM = 4;

export class Viewport {
  view: View = { x: 0, y: 0, k: 1 };
  private size = { width: 0, height: 0 };

  constructor(
    private readonly viewport: HTMLElement,
    private readonly canvas: HTMLElement,
    private readonly changed: (view: View) => void,
  ) {
    this.enablePointer();
    viewport.addEventListener('wheel', (e) => this.onWheel(e), { passive: false });
  }

  /** The size of what is drawn, in graph units. */
  setContentSize(width: number, height: number): void {
    this.size = { width, height };
  }

  set(view: View): void {
    const k = Math.min(MAX_ZOOM, Math.max(MIN_ZOOM, view.k));
    this.view = { x: view.x, y: view.y, k };
    // A CSSOM transform (allowed by the page's CSP, unlike a style attribute).
    this.canvas.style.transform = `translate(${this.view.x}px, ${this.view.y}px) scale(${k})`;
    this.changed(this.view);
  }

  /** Zooms by `factor` around a point of the viewport (its centre by default). */
  zoom(factor: number, at?: { x: number; y: number }): void {
    const p = at ?? { x: this.viewport.clientWidth / 2, y: this.viewport.clientHeight / 2 };
    const k = Math.min(MAX_ZOOM, Math.max(MIN_ZOOM, this.view.k * factor));
    const r = k / this.view.k;
    this.set({ x: p.x - (p.x - this.view.x) * r, y: p.y - (p.y - this.view.y) * r, k });
  }

  /** The whole drawing in view, never enlarged beyond 100 %. */
  fit(): void {
    const vw = this.viewport.clientWidth;
    const vh = this.viewport.clientHeight;
    const { width, height } = this.size;
    if (!width || !height || !vw || !vh) return;
    const k = Math.min(1, (vw - 16) / width, (vh - 16) / height);
    this.set({ x: (vw - width * k) / 2, y: Math.max(8, (vh - height * k) / 2), k });
  }

  /** Centres a box of the drawing (graph units). */
  center(box: { x: number; y: number; width: number; height: number }): void {
    const { k } = this.view;
    this.set({ x: this.viewport.clientWidth / 2 - (box.x + box.width / 2) * k, y: this.viewport.clientHeight / 2 - (box.y + box.height / 2) * k, k });
  }

  /** Centres a box unless it is already wholly in view. */
  show(box: { x: number; y: number; width: number; height: number }): void {
    const { x, y, k } = this.view;
    const left = x + box.x * k;
    const top = y + box.y * k;
    const inside = left >= 0 && top >= 0 && left + box.width * k <= this.viewport.clientWidth && top + box.height * k <= this.viewport.clientHeight;
    if (!inside) this.center(box);
  }

  panBy(dx: number, dy: number): void {
    this.set({ ...this.view, x: this.view.x + dx, y: this.view.y + dy });
  }

  private onWheel(e: WheelEvent): void {
    e.preventDefault();
    const rect = this.viewport.getBoundingClientRect();
    // Pixel deltas from trackpads are small and many; mouse wheels give ~100 per notch.
    const factor = Math.exp(-Math.max(-300, Math.min(300, e.deltaY * (e.deltaMode === 1 ? 30 : 1))) / 400);
    this.zoom(factor, { x: e.clientX - rect.left, y: e.clientY - rect.top });
  }

  /** Drag to pan. A press that barely moves stays a click (on a node: reveal its step). */
  private enablePointer(): void {
    let start: { x: number; y: number; view: View; id: number } | undefined;
    let moved = false;
    this.viewport.addEventListener('pointerdown', (e) => {
      if (e.button !== 0) return;
      start = { x: e.clientX, y: e.clientY, view: { ...this.view }, id: e.pointerId };
      moved = false;
    });
    this.viewport.addEventListener('pointermove', (e) => {
      if (!start || e.pointerId !== start.id) return;
      const dx = e.clientX - start.x;
      const dy = e.clientY - start.y;
      if (!moved && Math.hypot(dx, dy) < 4) return;
      if (!moved) {
        moved = true;
        this.viewport.setPointerCapture(e.pointerId);
        this.viewport.classList.add('dragging');
      }
      this.set({ ...start.view, x: start.view.x + dx, y: start.view.y + dy });
    });
    const end = (e: PointerEvent): void => {
      if (!start || e.pointerId !== start.id) return;
      start = undefined;
      this.viewport.classList.remove('dragging');
      if (this.viewport.hasPointerCapture(e.pointerId)) this.viewport.releasePointerCapture(e.pointerId);
    };
    this.viewport.addEventListener('pointerup', end);
    this.viewport.addEventListener('pointercancel', end);
    // Swallow the click that ends a drag, so a drag that starts on a node does not reveal it.
    this.viewport.addEventListener(
      'click',
      (e) => {
        if (moved) {
          e.stopPropagation();
          moved = false;
        }
      },
      true,
    );
  }
}

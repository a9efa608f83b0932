/**
 * The 2D viewer's engine: Cornerstone3D (core, DICOM image loader, tools) showing one series as a stack, with
 * window/level, zoom, pan, length measurements and scrolling. Images come over DICOMweb (WADO-RS metadata and
 * frames) proxied by CDSS under the study — the browser never talks to the archive. This module is large: it is
 * imported only by the lazily loaded viewer page, through a dynamic import.
 */
import { Enums, RenderingEngine, eventTarget, init as coreInit, type Types } from '@cornerstonejs/core';
import { init as loaderInit, wadors } from '@cornerstonejs/dicom-image-loader';
import {
  Enums as ToolEnums,
  LengthTool,
  PanTool,
  StackScrollTool,
  ToolGroupManager,
  WindowLevelTool,
  ZoomTool,
  addTool,
  annotation,
  init as toolsInit,
} from '@cornerstonejs/tools';

export type ViewerTool = 'windowLevel' | 'zoom' | 'pan' | 'length';

export interface Measurement {
  uid: string;
  /** Length in `unit` (mm when the image has pixel spacing). */
  length: number;
  unit: string;
}

export interface StackViewer {
  total: number;
  setTool(tool: ViewerTool): void;
  scroll(delta: number): void;
  reset(): void;
  destroy(): void;
}

export interface StackViewerEvents {
  onIndex(index: number): void;
  onMeasurements(measurements: Measurement[]): void;
}

const TOOL_NAMES: Record<ViewerTool, string> = {
  windowLevel: WindowLevelTool.toolName,
  zoom: ZoomTool.toolName,
  pan: PanTool.toolName,
  length: LengthTool.toolName,
};

let initialised = false;

function initOnce() {
  if (initialised) return;
  coreInit();
  loaderInit({ maxWebWorkers: 1 });
  toolsInit();
  [WindowLevelTool, ZoomTool, PanTool, LengthTool, StackScrollTool].forEach((tool) => addTool(tool));
  initialised = true;
}

type DicomJson = Record<string, { vr?: string; Value?: unknown[] }>;

function instanceNumber(instance: DicomJson): number {
  const value = instance['00200013']?.Value?.[0];
  return typeof value === 'number' ? value : Number(value ?? Number.MAX_SAFE_INTEGER);
}

function sopInstanceUid(instance: DicomJson): string {
  return String(instance['00080018']?.Value?.[0] ?? '');
}

let counter = 0;

/** Opens a series of a study in `element` (its middle image first); throws the HTTP status on a refused metadata call. */
export async function openStack(
  element: HTMLDivElement,
  studyId: string,
  seriesUid: string,
  events: StackViewerEvents,
): Promise<StackViewer> {
  initOnce();
  const base = `${window.location.origin}/api/imaging/studies/${encodeURIComponent(studyId)}/dicomweb/series/${encodeURIComponent(seriesUid)}`;
  const response = await fetch(`${base}/metadata`, {
    credentials: 'same-origin',
    headers: { Accept: 'application/dicom+json' },
  });
  if (!response.ok) throw new Error(String(response.status));
  const instances = ((await response.json()) as DicomJson[]).sort((a, b) => instanceNumber(a) - instanceNumber(b));
  const imageIds = instances.map((instance) => {
    const imageId = `wadors:${base}/instances/${encodeURIComponent(sopInstanceUid(instance))}/frames/1`;
    wadors.metaDataManager.add(imageId, instance as never);
    return imageId;
  });

  counter += 1;
  const engineId = `cdss-engine-${counter}`;
  const viewportId = `cdss-stack-${counter}`;
  const groupId = `cdss-tools-${counter}`;
  const engine = new RenderingEngine(engineId);
  engine.enableElement({ viewportId, type: Enums.ViewportType.STACK, element });
  const viewport = engine.getViewport(viewportId) as Types.IStackViewport;

  const group = ToolGroupManager.createToolGroup(groupId);
  if (!group) throw new Error('tool group');
  Object.values(TOOL_NAMES).forEach((name) => group.addTool(name));
  group.addTool(StackScrollTool.toolName);
  group.addViewport(viewportId, engineId);
  const { MouseBindings } = ToolEnums;
  group.setToolActive(StackScrollTool.toolName, { bindings: [{ mouseButton: MouseBindings.Wheel }] });
  group.setToolActive(ZoomTool.toolName, { bindings: [{ mouseButton: MouseBindings.Secondary }] });
  group.setToolActive(PanTool.toolName, { bindings: [{ mouseButton: MouseBindings.Auxiliary }] });
  group.setToolActive(WindowLevelTool.toolName, { bindings: [{ mouseButton: MouseBindings.Primary }] });
  let primary: ViewerTool = 'windowLevel';

  const onNewImage = () => events.onIndex(viewport.getCurrentImageIdIndex());
  element.addEventListener(Enums.Events.STACK_NEW_IMAGE, onNewImage);
  const onAnnotation = () => {
    const list = (annotation.state.getAnnotations(LengthTool.toolName, element) ?? []).flatMap((a) => {
      const stats = Object.values((a.data?.cachedStats ?? {}) as Record<string, { length?: number; unit?: string }>)[0];
      return stats?.length !== undefined && a.annotationUID
        ? [{ uid: a.annotationUID, length: stats.length, unit: stats.unit ?? 'mm' }]
        : [];
    });
    events.onMeasurements(list);
  };
  const annotationEvents = [
    ToolEnums.Events.ANNOTATION_COMPLETED,
    ToolEnums.Events.ANNOTATION_MODIFIED,
    ToolEnums.Events.ANNOTATION_REMOVED,
  ];
  annotationEvents.forEach((e) => eventTarget.addEventListener(e, onAnnotation));

  const middle = Math.floor(imageIds.length / 2);
  await viewport.setStack(imageIds, middle);
  viewport.render();
  events.onIndex(viewport.getCurrentImageIdIndex());

  return {
    total: imageIds.length,
    setTool(tool) {
      if (tool === primary) return;
      group.setToolPassive(TOOL_NAMES[primary]);
      // zoom and pan keep their other buttons when they leave the primary button
      if (primary === 'zoom') group.setToolActive(ZoomTool.toolName, { bindings: [{ mouseButton: MouseBindings.Secondary }] });
      if (primary === 'pan') group.setToolActive(PanTool.toolName, { bindings: [{ mouseButton: MouseBindings.Auxiliary }] });
      group.setToolActive(TOOL_NAMES[tool], { bindings: [{ mouseButton: MouseBindings.Primary }] });
      primary = tool;
    },
    scroll(delta) {
      const next = Math.max(0, Math.min(imageIds.length - 1, viewport.getCurrentImageIdIndex() + delta));
      void viewport.setImageIdIndex(next);
    },
    reset() {
      viewport.resetCamera();
      viewport.resetProperties();
      viewport.render();
    },
    destroy() {
      element.removeEventListener(Enums.Events.STACK_NEW_IMAGE, onNewImage);
      annotationEvents.forEach((e) => eventTarget.removeEventListener(e, onAnnotation));
      ToolGroupManager.destroyToolGroup(groupId);
      engine.destroy();
      imageIds.forEach((id) => wadors.metaDataManager.remove(id));
    },
  };
}

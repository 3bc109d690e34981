/**
 * What the bytes of a file say about themselves (src/media/image-metadata.ts: EXIF/XMP capture time, GPS, device,
 * pixel dimensions), read from the API's open `metadata` record into the rows the evidence page shows.
 */
export interface MetadataView {
  dimensions?: string;
  capturedAt?: string;
  gps?: { latitude: number; longitude: number; altitude?: number };
  device?: string;
}

const number = (value: unknown): number | undefined => (typeof value === 'number' && Number.isFinite(value) ? value : undefined);
const text = (value: unknown): string | undefined => (typeof value === 'string' && value.trim() !== '' ? value : undefined);

export function metadataView(metadata: Record<string, unknown>): MetadataView {
  const view: MetadataView = {};
  const width = number(metadata.width);
  const height = number(metadata.height);
  if (width !== undefined && height !== undefined) view.dimensions = `${width} × ${height}`;
  const capturedAt = text(metadata.capturedAt);
  if (capturedAt) view.capturedAt = capturedAt;
  const gps = metadata.gps as Record<string, unknown> | undefined;
  const latitude = number(gps?.latitude);
  const longitude = number(gps?.longitude);
  if (latitude !== undefined && longitude !== undefined) {
    const altitude = number(gps?.altitude);
    view.gps = { latitude, longitude, ...(altitude !== undefined ? { altitude } : {}) };
  }
  const device = metadata.device as Record<string, unknown> | undefined;
  const parts = [text(device?.make), text(device?.model), text(device?.software)].filter((part): part is string => part !== undefined);
  if (parts.length > 0) view.device = parts.join(' · ');
  return view;
}

/** A GPS position as degrees with five decimals (about a metre), e.g. 36,20124° N, 37,13428° O in Dutch. */
export function formatPosition(gps: { latitude: number; longitude: number }, language: string): string {
  const format = new Intl.NumberFormat(language === 'en' ? 'en-GB' : 'nl-NL', { minimumFractionDigits: 5, maximumFractionDigits: 5 });
  const east = language === 'en' ? 'E' : 'O';
  const west = language === 'en' ? 'W' : 'W';
  return `${format.format(Math.abs(gps.latitude))}° ${gps.latitude >= 0 ? 'N' : (language === 'en' ? 'S' : 'Z')}, ${format.format(Math.abs(gps.longitude))}° ${gps.longitude >= 0 ? east : west}`;
}

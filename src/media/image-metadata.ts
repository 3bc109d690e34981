/**
 * What a photo says about itself (issue 12, "Metadata and duplicates"): EXIF/XMP capture time, GPS position,
 * device and orientation (read with `exifr`), and the pixel dimensions (read by `sharp` from the header, without
 * decoding the image). These are *derived* values, shown next to what the acquirer stated; they can be forged and
 * are often stripped by social-media platforms, so an absent field means "not recorded", never "not taken".
 */
import exifr from 'exifr';
import sharp from 'sharp';
import { asLibraryInput, type ImageInput } from './image-input.js';

export interface ImageMetadata {
  /** The decoder's name for the format (`jpeg`, `png`, `webp`, `gif`, `tiff`, `heif`, …), when `sharp` reads it. */
  format?: string;
  /** Stored pixel dimensions (before any EXIF rotation). */
  width?: number;
  height?: number;
  /**
   * The capture time as the camera recorded it, ISO 8601 without conversion: `2024-05-01T12:34:56` when the file
   * records no offset (camera-local time, zone unknown), `2024-05-01T12:34:56+02:00` when it does.
   */
  capturedAt?: string;
  /** Where the capture time came from. */
  capturedAtSource?: 'exif:DateTimeOriginal' | 'exif:CreateDate' | 'xmp:DateCreated';
  /** WGS 84 decimal degrees, south and west negative. */
  gps?: { latitude: number; longitude: number; altitude?: number };
  device?: { make?: string; model?: string; software?: string };
  /** EXIF orientation 1–8 (1: as stored; 6: rotate 90° clockwise to view). */
  orientation?: number;
  /** Whether the file carries an XMP packet at all (editing tools write one). */
  hasXmp: boolean;
  /** Why the metadata could not be (fully) read, when it could not; the other fields hold what was read. */
  problems: string[];
}

type Tags = Record<string, unknown>;

const text = (value: unknown): string | undefined => {
  if (typeof value !== 'string') return undefined;
  const trimmed = value.replace(/\0+$/, '').trim();
  return trimmed === '' ? undefined : trimmed;
};

/** EXIF `YYYY:MM:DD HH:MM:SS` (or an XMP ISO string) to ISO 8601, with the offset when one is recorded. */
function isoTime(value: unknown, offset: unknown): string | undefined {
  const raw = text(value);
  if (!raw) return undefined;
  const exif = /^(\d{4}):(\d{2}):(\d{2})[ T](\d{2}):(\d{2}):(\d{2})/.exec(raw);
  if (exif) {
    if (exif[1] === '0000') return undefined; // cameras without a clock write zeros
    const zone = text(offset);
    return `${exif[1]}-${exif[2]}-${exif[3]}T${exif[4]}:${exif[5]}:${exif[6]}${zone && /^[+-]\d{2}:\d{2}$/.test(zone) ? zone : ''}`;
  }
  return /^\d{4}-\d{2}-\d{2}/.test(raw) ? raw : undefined;
}

function captureTime(tags: Tags): Pick<ImageMetadata, 'capturedAt' | 'capturedAtSource'> {
  const candidates: [NonNullable<ImageMetadata['capturedAtSource']>, unknown, unknown][] = [
    ['exif:DateTimeOriginal', tags.DateTimeOriginal, tags.OffsetTimeOriginal],
    ['exif:CreateDate', tags.CreateDate, tags.OffsetTimeDigitized],
    ['xmp:DateCreated', tags.DateCreated, undefined],
  ];
  for (const [source, value, offset] of candidates) {
    const capturedAt = isoTime(value, offset);
    if (capturedAt) return { capturedAt, capturedAtSource: source };
  }
  return {};
}

const finite = (value: unknown): number | undefined => (typeof value === 'number' && Number.isFinite(value) ? value : undefined);

function gpsOf(tags: Tags): ImageMetadata['gps'] {
  const latitude = finite(tags.latitude);
  const longitude = finite(tags.longitude);
  if (latitude === undefined || longitude === undefined || Math.abs(latitude) > 90 || Math.abs(longitude) > 180) return undefined;
  if (latitude === 0 && longitude === 0) return undefined; // "null island": an unset position, not a place
  const altitude = finite(tags.GPSAltitude);
  return { latitude, longitude, ...(altitude === undefined ? {} : { altitude: tags.GPSAltitudeRef === 1 ? -altitude : altitude }) };
}

function deviceOf(tags: Tags): ImageMetadata['device'] {
  const device = { make: text(tags.Make), model: text(tags.Model), software: text(tags.Software) ?? text(tags.CreatorTool) };
  const present = Object.fromEntries(Object.entries(device).filter(([, value]) => value !== undefined));
  return Object.keys(present).length > 0 ? present : undefined;
}

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** Reads the EXIF/XMP metadata and dimensions of an image file or buffer. Never throws on a malformed file. */
export async function readImageMetadata(input: ImageInput): Promise<ImageMetadata> {
  const source = asLibraryInput(input);
  const problems: string[] = [];
  const [header, tags] = await Promise.all([
    sharp(source).metadata().catch((error: unknown) => {
      problems.push(`dimensions unreadable: ${message(error)}`);
      return undefined;
    }),
    exifr
      .parse(source, { tiff: true, exif: true, gps: true, xmp: true, ifd1: false, reviveValues: false, translateValues: false, mergeOutput: true })
      .catch((error: unknown) => {
        problems.push(`EXIF/XMP unreadable: ${message(error)}`);
        return undefined;
      }) as Promise<Tags | undefined>,
  ]);
  const found: Tags = tags ?? {};
  const orientation = finite(found.Orientation) ?? header?.orientation;
  const result: ImageMetadata = {
    ...(header?.format ? { format: header.format } : {}),
    ...(header?.width ? { width: header.width, height: header.height } : {}),
    ...captureTime(found),
    hasXmp: header?.xmp !== undefined || ['CreatorTool', 'DateCreated', 'MetadataDate'].some((key) => key in found),
    problems,
  };
  const gps = gpsOf(found);
  if (gps) result.gps = gps;
  const device = deviceOf(found);
  if (device) result.device = device;
  if (orientation !== undefined && orientation >= 1 && orientation <= 8) result.orientation = orientation;
  return result;
}

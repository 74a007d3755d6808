/**
 * A file the coordinator picked for the 汇总: its name and a way to get its bytes. Kept apart from the
 * summary code so the pane can load that code (and SheetJS) only when a summary is made.
 */
export interface PickedFile {
  name: string;
  bytes(): Promise<Uint8Array>;
}

export function pickedFromFile(file: File): PickedFile {
  return {
    name: file.name,
    bytes: async () => {
      // File.arrayBuffer is missing in some older webviews; FileReader is everywhere.
      if (typeof file.arrayBuffer === 'function') return new Uint8Array(await file.arrayBuffer());
      return new Promise<Uint8Array>((resolve, reject) => {
        const reader = new FileReader();
        reader.onload = () => resolve(new Uint8Array(reader.result as ArrayBuffer));
        reader.onerror = () => reject(reader.error ?? new Error('FileReader failed'));
        reader.readAsArrayBuffer(file);
      });
    },
  };
}

/** Hands a file the console fetched to the browser's download, under the given name. */
export function downloadFile(body: Blob, fileName: string): void {
  const url = URL.createObjectURL(body);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  URL.revokeObjectURL(url);
}

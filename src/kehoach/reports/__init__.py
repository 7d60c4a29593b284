"""Reports: view models (core) -> files people open (XLSX, CSV; later DOCX, PDF, charts).

No database access: every writer takes a core view model and a path or stream.

    write_entry_form_xlsx(form, path)     the entry form (biểu nhập số liệu) as XLSX
    write_entry_form_csv(form, path)      the same rows as CSV (UTF-8 with BOM, ";")
"""

from kehoach.reports.entrycsv import entry_form_csv_text, write_entry_form_csv
from kehoach.reports.entryform import entry_form_workbook, write_entry_form_xlsx

__all__ = ["entry_form_csv_text", "entry_form_workbook", "write_entry_form_csv", "write_entry_form_xlsx"]

//! The smallest Typst world: one main source, one data file, the embedded fonts.
use std::sync::LazyLock;

use typst::diag::{FileError, FileResult};
use typst::foundations::{Bytes, Datetime, Duration};
use typst::syntax::{FileId, RootedPath, Source, VirtualPath, VirtualRoot};
use typst::text::{Font, FontBook};
use typst::utils::LazyHash;
use typst::{Library, LibraryExt, World};

use crate::DocumentError;

static FONT_FILES: [&[u8]; 4] = [
    include_bytes!("../fonts/Inter-Regular.otf"),
    include_bytes!("../fonts/Inter-Bold.otf"),
    include_bytes!("../fonts/Inter-SemiBold.otf"),
    include_bytes!("../fonts/Inter-Italic.otf"),
];

/// What every compilation shares, built once per process.
struct Shared {
    library: LazyHash<Library>,
    book: LazyHash<FontBook>,
    fonts: Vec<Font>,
    main: FileId,
    data: FileId,
}

static SHARED: LazyLock<Shared> = LazyLock::new(|| {
    let fonts: Vec<Font> = FONT_FILES
        .iter()
        .flat_map(|bytes| Font::iter(Bytes::new(*bytes)))
        .collect();
    let id = |path: &str| {
        let vpath = VirtualPath::new(path).expect("a fixed, valid virtual path");
        RootedPath::new(VirtualRoot::Project, vpath).intern()
    };
    Shared {
        library: LazyHash::new(Library::default()),
        book: LazyHash::new(FontBook::from_fonts(&fonts)),
        main: id("/main.typ"),
        data: id("/data.json"),
        fonts,
    }
});

struct Job {
    shared: &'static Shared,
    source: Source,
    data: Bytes,
}

impl World for Job {
    fn library(&self) -> &LazyHash<Library> {
        &self.shared.library
    }

    fn book(&self) -> &LazyHash<FontBook> {
        &self.shared.book
    }

    fn main(&self) -> FileId {
        self.shared.main
    }

    fn source(&self, id: FileId) -> FileResult<Source> {
        if id == self.shared.main {
            Ok(self.source.clone())
        } else {
            Err(FileError::AccessDenied)
        }
    }

    fn file(&self, id: FileId) -> FileResult<Bytes> {
        if id == self.shared.data {
            Ok(self.data.clone())
        } else {
            Err(FileError::AccessDenied)
        }
    }

    fn font(&self, index: usize) -> Option<Font> {
        self.shared.fonts.get(index).cloned()
    }

    fn today(&self, _offset: Option<Duration>) -> Option<Datetime> {
        // Documents print the dates they are given, in the reader's language.
        None
    }
}

pub(crate) fn compile(template: &str, data: Vec<u8>) -> Result<Vec<u8>, DocumentError> {
    compile_with(template, data, &typst_pdf::PdfOptions::default())
}

/// Lays out `template` over `data` and writes the PDF with `options` (standards, date).
pub(crate) fn compile_with(
    template: &str,
    data: Vec<u8>,
    options: &typst_pdf::PdfOptions,
) -> Result<Vec<u8>, DocumentError> {
    let shared: &'static Shared = &SHARED;
    let job = Job {
        shared,
        source: Source::new(shared.main, template.to_string()),
        data: Bytes::new(data),
    };
    let document = typst::compile::<typst_layout::PagedDocument>(&job)
        .output
        .map_err(|errors| DocumentError::Layout(messages(&errors)))?;
    typst_pdf::pdf(&document, options).map_err(|errors| DocumentError::Layout(messages(&errors)))
}

fn messages(errors: &[typst::diag::SourceDiagnostic]) -> String {
    errors
        .iter()
        .map(|e| e.message.as_str())
        .collect::<Vec<_>>()
        .join("; ")
}

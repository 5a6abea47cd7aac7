# pdf-libharu: libharu's memory capped at one byte (BAOCAO_PDF_MEMORY, compiler/pdf/pdf.c): the writer
# cannot even begin, and the run stops with its error (exit 2, nothing written)
if [ "$CMD" = pdf ]; then
	BAOCAO_PDF_MEMORY=1
	export BAOCAO_PDF_MEMORY
fi

package org.cdss.imaging;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The header of a single-file NIfTI volume (NIfTI-1 {@code n+1}, NIfTI-2 {@code n+2}; either byte order), read and
 * checked: header size and magic, 1–7 dimensions each at least 1, a known datatype whose bits per voxel match, a voxel
 * offset after the header, and (with {@link #requiredBytes()}) enough data for every voxel. Pairs ({@code .hdr} +
 * {@code .img}, magic {@code ni1}) are refused: one upload is one file. Not a reader of the voxels.
 */
record NiftiHeader(
        int version,
        long[] dims,
        double[] voxelSize,
        String datatype,
        int bitsPerVoxel,
        long voxOffset,
        String description) {

    /** Bytes to read for either header (NIfTI-2's is the larger). */
    static final int MAX_HEADER = 540;

    /** A header that is not a valid single-file NIfTI; {@code reason} is the per-file reason code. */
    static final class Invalid extends Exception {
        final String reason;

        Invalid(String reason) {
            super(reason, null, false, false);
            this.reason = reason;
        }
    }

    /** NIfTI datatype code → name and bits per voxel. */
    private static final Map<Integer, Object[]> TYPES = Map.ofEntries(
            Map.entry(2, new Object[] {"uint8", 8}),
            Map.entry(4, new Object[] {"int16", 16}),
            Map.entry(8, new Object[] {"int32", 32}),
            Map.entry(16, new Object[] {"float32", 32}),
            Map.entry(32, new Object[] {"complex64", 64}),
            Map.entry(64, new Object[] {"float64", 64}),
            Map.entry(128, new Object[] {"rgb24", 24}),
            Map.entry(256, new Object[] {"int8", 8}),
            Map.entry(512, new Object[] {"uint16", 16}),
            Map.entry(768, new Object[] {"uint32", 32}),
            Map.entry(1024, new Object[] {"int64", 64}),
            Map.entry(1280, new Object[] {"uint64", 64}),
            Map.entry(1536, new Object[] {"float128", 128}),
            Map.entry(1792, new Object[] {"complex128", 128}),
            Map.entry(2048, new Object[] {"complex256", 256}),
            Map.entry(2304, new Object[] {"rgba32", 32}));

    /** Parses the first bytes of the (decompressed) file; {@code length} is how many of them were read. */
    static NiftiHeader parse(byte[] head, int length) throws Invalid {
        if (length < 348) {
            throw new Invalid("nifti-bad-header");
        }
        ByteBuffer b = ByteBuffer.wrap(head, 0, length).order(ByteOrder.LITTLE_ENDIAN);
        int size = b.getInt(0);
        if (size != 348 && size != 540) {
            b.order(ByteOrder.BIG_ENDIAN);
            size = b.getInt(0);
        }
        if (size == 348) {
            return nifti1(b, head);
        }
        if (size == 540 && length >= 540) {
            return nifti2(b, head);
        }
        throw new Invalid("nifti-bad-header");
    }

    private static NiftiHeader nifti1(ByteBuffer b, byte[] head) throws Invalid {
        String magic = new String(head, 344, 4, StandardCharsets.ISO_8859_1);
        if (magic.equals("ni1\0")) {
            throw new Invalid("nifti-pair-unsupported");
        }
        if (!magic.equals("n+1\0")) {
            throw new Invalid("nifti-bad-header");
        }
        int n = b.getShort(40);
        if (n < 1 || n > 7) {
            throw new Invalid("nifti-bad-dimensions");
        }
        long[] dims = new long[n];
        double[] pixdim = new double[n];
        for (int i = 0; i < n; i++) {
            dims[i] = b.getShort(42 + 2 * i);
            pixdim[i] = b.getFloat(80 + 4 * i);
        }
        float offset = b.getFloat(108);
        String descr = text(head, 148, 80);
        return checked(1, dims, pixdim, b.getShort(70), b.getShort(72), (long) offset, 352, descr);
    }

    private static NiftiHeader nifti2(ByteBuffer b, byte[] head) throws Invalid {
        byte[] magic = new byte[8];
        System.arraycopy(head, 4, magic, 0, 8);
        if (!new String(magic, 0, 4, StandardCharsets.ISO_8859_1).equals("n+2\0")) {
            throw new Invalid(
                    new String(magic, 0, 4, StandardCharsets.ISO_8859_1).equals("ni2\0")
                            ? "nifti-pair-unsupported"
                            : "nifti-bad-header");
        }
        long n = b.getLong(16);
        if (n < 1 || n > 7) {
            throw new Invalid("nifti-bad-dimensions");
        }
        long[] dims = new long[(int) n];
        double[] pixdim = new double[(int) n];
        for (int i = 0; i < n; i++) {
            dims[i] = b.getLong(24 + 8 * i);
            pixdim[i] = b.getDouble(112 + 8 * i);
        }
        String descr = text(head, 240, 80);
        return checked(2, dims, pixdim, b.getShort(12), b.getShort(14), b.getLong(168), 544, descr);
    }

    private static NiftiHeader checked(
            int version,
            long[] dims,
            double[] pixdim,
            int datatype,
            int bitpix,
            long offset,
            int minOffset,
            String descr)
            throws Invalid {
        for (long d : dims) {
            if (d < 1) {
                throw new Invalid("nifti-bad-dimensions");
            }
        }
        Object[] type = TYPES.get(datatype);
        if (type == null || (int) type[1] != bitpix) {
            throw new Invalid("nifti-bad-datatype");
        }
        if (offset < minOffset) {
            throw new Invalid("nifti-bad-header");
        }
        double[] size = new double[pixdim.length];
        for (int i = 0; i < pixdim.length; i++) {
            size[i] = Double.isFinite(pixdim[i]) ? Math.abs(pixdim[i]) : 0;
        }
        NiftiHeader header = new NiftiHeader(version, dims, size, (String) type[0], bitpix, offset, descr);
        if (header.requiredBytes() < 0) {
            throw new Invalid("nifti-bad-dimensions");
        }
        return header;
    }

    /** The bytes the file must hold at least: the offset plus every voxel; negative when it overflows. */
    long requiredBytes() {
        long voxels = 1;
        try {
            for (long d : dims) {
                voxels = Math.multiplyExact(voxels, d);
            }
            return Math.addExact(voxOffset, Math.multiplyExact(voxels, (long) bitsPerVoxel) / 8);
        } catch (ArithmeticException e) {
            return -1;
        }
    }

    /** {@code 256×256×134}. */
    String dimensionsText() {
        List<String> parts = new ArrayList<>();
        for (long d : dims) {
            parts.add(Long.toString(d));
        }
        return String.join("×", parts);
    }

    /** {@code 0.664×0.664×1.2} (mm for the spatial axes, as the header says). */
    String voxelSizeText() {
        List<String> parts = new ArrayList<>();
        for (double d : voxelSize) {
            parts.add(String.format(Locale.ROOT, "%.4g", d));
        }
        String text = String.join("×", parts);
        return text.length() > 200 ? text.substring(0, 200) : text;
    }

    private static String text(byte[] head, int from, int max) {
        int end = from;
        while (end < from + max && head[end] != 0) {
            end++;
        }
        return new String(head, from, end - from, StandardCharsets.ISO_8859_1).strip();
    }
}

package org.linkdesk.testing;

import com.sun.javafx.tk.TKClipboard;
import com.sun.javafx.tk.TKDropTargetListener;
import java.io.File;
import java.lang.reflect.Constructor;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.image.Image;
import javafx.scene.input.DataFormat;
import javafx.scene.input.TransferMode;
import javafx.util.Pair;

/**
 * A drag from another program (a file manager) into a scene, delivered the way the windowing toolkit delivers a real
 * one: through the scene's own drop-target listener (the object Glass calls on every native drag-enter, drag-over
 * and drop), so the scene picks the node under the point, fires DRAG_ENTERED / DRAG_OVER / DRAG_DROPPED through the
 * real event chain, and returns the transfer mode the handlers accepted ({@code null}: refused). The dragboard
 * offers COPY, MOVE and LINK, as file managers do. Every method must run on the FX thread.
 */
public final class FileDrag {
    private final Scene scene;
    private final TKDropTargetListener listener;
    private final Board board;
    private boolean entered;

    private FileDrag(Scene scene, Board board) {
        this.scene = scene;
        this.board = board;
        try {
            Class<?> type = Class.forName("javafx.scene.Scene$DropTargetListener");
            Constructor<?> make = type.getDeclaredConstructor(Scene.class);
            make.setAccessible(true);
            this.listener = (TKDropTargetListener) make.newInstance(scene);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("This JavaFX has no Scene.DropTargetListener to drive: " + e, e);
        }
    }

    /** A drag carrying {@code files} (as a file manager puts them: the files list and their URIs). */
    public static FileDrag ofFiles(Scene scene, List<File> files) {
        Board board = new Board();
        board.values.put(DataFormat.FILES, files);
        board.values.put(DataFormat.URL, files.get(0).toURI().toString());
        return new FileDrag(scene, board);
    }

    /** A drag of plain text (no files), as from a text editor. */
    public static FileDrag ofText(Scene scene, String text) {
        Board board = new Board();
        board.values.put(DataFormat.PLAIN_TEXT, text);
        return new FileDrag(scene, board);
    }

    /** Moves the pointer to the centre of {@code node}: the first call enters the window. */
    public TransferMode over(Node node) {
        Point2D at = centre(node);
        Point2D screen = screen(at);
        if (!entered) {
            entered = true;
            return listener.dragEnter(at.getX(), at.getY(), screen.getX(), screen.getY(), TransferMode.COPY, board);
        }
        return listener.dragOver(at.getX(), at.getY(), screen.getX(), screen.getY(), TransferMode.COPY);
    }

    /** Releases the mouse over the centre of {@code node}: what the drop returned (null: nothing took it). */
    public TransferMode drop(Node node) {
        Point2D at = centre(node);
        Point2D screen = screen(at);
        return listener.drop(at.getX(), at.getY(), screen.getX(), screen.getY(), TransferMode.COPY);
    }

    /** Leaves the window without dropping. */
    public void leave() {
        listener.dragExit(0, 0, 0, 0);
        entered = false;
    }

    private static Point2D centre(Node node) {
        Bounds b = node.localToScene(node.getBoundsInLocal());
        return new Point2D(b.getMinX() + b.getWidth() / 2, b.getMinY() + b.getHeight() / 2);
    }

    private Point2D screen(Point2D inScene) {
        return new Point2D(inScene.getX() + scene.getX() + scene.getWindow().getX(),
                inScene.getY() + scene.getY() + scene.getWindow().getY());
    }

    /** The toolkit-side dragboard of a drag from another program. */
    private static final class Board implements TKClipboard {
        private final Map<DataFormat, Object> values = new LinkedHashMap<>();

        @Override
        @SuppressWarnings("removal")
        public void setSecurityContext(java.security.AccessControlContext context) {
        }

        @Override
        public Set<DataFormat> getContentTypes() {
            return values.keySet();
        }

        @SafeVarargs
        @Override
        public final boolean putContent(Pair<DataFormat, Object>... content) {
            throw new UnsupportedOperationException("A drag from another program is read-only here.");
        }

        @Override
        public Object getContent(DataFormat format) {
            return values.get(format);
        }

        @Override
        public boolean hasContent(DataFormat format) {
            return values.containsKey(format);
        }

        @Override
        public Set<TransferMode> getTransferModes() {
            return EnumSet.allOf(TransferMode.class);
        }

        @Override
        public void setDragView(Image image) {
        }

        @Override
        public void setDragViewOffsetX(double offsetX) {
        }

        @Override
        public void setDragViewOffsetY(double offsetY) {
        }

        @Override
        public Image getDragView() {
            return null;
        }

        @Override
        public double getDragViewOffsetX() {
            return 0;
        }

        @Override
        public double getDragViewOffsetY() {
            return 0;
        }
    }
}

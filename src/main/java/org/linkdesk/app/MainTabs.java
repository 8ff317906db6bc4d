package org.linkdesk.app;

import java.util.List;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import org.linkdesk.browse.BatchLinkViewModel;
import org.linkdesk.browse.BrowseView;
import org.linkdesk.browse.BrowseViewModel;
import org.linkdesk.core.s3.ListedObject;
import org.linkdesk.history.HistoryView;
import org.linkdesk.history.HistoryViewModel;
import org.linkdesk.links.LinkFormViewModel;
import org.linkdesk.protectedlinks.ProtectedLinksViewModel;

/**
 * The main window's tabs once unlocked: the Browse, History and Protected links views built when a tab is first
 * selected, and the moves between tabs (an object used in the link form, a protected link filled in, a batch).
 */
final class MainTabs {
    private final GuiRoot gui;
    private final MainViewModel model;
    private final TabPane tabs;
    private final Tab linkTab;
    private final Tab historyTab;
    private final Tab browseTab;
    private final Tab protectedTab;
    private final LinkFormViewModel linkForm;
    private final HistoryViewModel history;
    private final BrowseViewModel browse;
    private final TeamWindowParts team;
    private ProtectedLinksViewModel protectedLinks;

    MainTabs(GuiRoot gui, MainViewModel model, TabPane tabs, Tab linkTab, Tab historyTab, Tab browseTab,
            Tab protectedTab, LinkFormViewModel linkForm, HistoryViewModel history, BrowseViewModel browse,
            TeamWindowParts team) {
        this.gui = gui;
        this.model = model;
        this.tabs = tabs;
        this.linkTab = linkTab;
        this.historyTab = historyTab;
        this.browseTab = browseTab;
        this.protectedTab = protectedTab;
        this.linkForm = linkForm;
        this.history = history;
        this.browse = browse;
        this.team = team;
        this.protectedLinks = gui.protectedLinks(model.selectedProfileProperty());
    }

    void bind(UploadsPanel uploads) {
        historyTab.setOnSelectionChanged(e -> {
            if (historyTab.isSelected() && historyTab.getContent() == null) {
                HistoryView historyView = gui.historyView(history, this::useInForm);
                historyView.showTeam(team.history());
                historyTab.setContent(historyView.root());
            }
            if (historyTab.isSelected() && model.unlockedProperty().get()) {
                history.refresh();
            }
        });
        browseTab.setOnSelectionChanged(e -> {
            if (browseTab.isSelected() && browseTab.getContent() == null) {
                BrowseView browseView = gui.browseView(browse, this::openBatch, this::useInForm);
                browseView.setOnProtectedLink(this::protectInTab);
                browseView.setOnFilesDropped(uploads::uploadTo);
                browseView.setUploadActions(uploads.browseActions(gui.dialogs(),
                        (bucket, q) -> gui.showUnfinishedUploads(model.selectedProfileProperty(), bucket, q),
                        (bucket, folder) -> gui.showUploadLink(model.selectedProfileProperty(), bucket, folder)));
                browseTab.setContent(browseView.root());
            }
        });
        linkTab.setOnSelectionChanged(e -> linkForm.refreshExpiry());
        protectedTab.setOnSelectionChanged(e -> {
            if (protectedTab.isSelected() && protectedTab.getContent() == null) {
                protectedTab.setContent(gui.protectedLinksView(protectedLinks).root());
            }
            if (protectedTab.isSelected()) {
                protectedLinks.refresh();
            }
        });
        browse.details().setOnGenerated(link -> history.refresh());
        linkForm.setOnGenerated(link -> history.refresh());
    }

    /**
     * Team mode went on or off: the protected links now live elsewhere, so their screens are made again (the History
     * view for its protected-link bar; the Protected links tab on its next showing).
     */
    void teamSwitched() {
        protectedLinks = gui.protectedLinks(model.selectedProfileProperty());
        protectedTab.setContent(null);
        if (protectedTab.isSelected()) {
            protectedTab.setContent(gui.protectedLinksView(protectedLinks).root());
            protectedLinks.refresh();
        }
        if (historyTab.getContent() != null) {
            HistoryView historyView = gui.historyView(history, this::useInForm);
            historyView.showTeam(team.history());
            historyTab.setContent(historyView.root());
        }
    }

    void protectInTab(String bucket, String key) {
        protectedLinks.fill(bucket, key);
        tabs.getSelectionModel().select(protectedTab);
    }

    void generateOnLinkTab() {
        if (linkTab.isSelected() && linkForm.canGenerateProperty().get()) {
            linkForm.generate();
        }
    }

    void refreshSelectedTab() {
        if (historyTab.isSelected()) {
            history.refresh();
        } else if (browseTab.isSelected()) {
            browse.objects().refresh();
        } else if (linkTab.isSelected()) {
            linkForm.refreshExpiry();
        }
    }

    private void useInForm(String bucket, String key) {
        linkForm.fill(bucket, key);
        tabs.getSelectionModel().select(linkTab);
    }

    private void openBatch(String bucket, List<ListedObject> objects) {
        BatchLinkViewModel vm = browse.batch(bucket, objects);
        vm.setOnGenerated(links -> {
            history.refresh();
            gui.dialogs().notice(String.format("%,d %s made and recorded", links.size(),
                    links.size() == 1 ? "link" : "links"));
        });
        gui.showBatch(vm);
    }
}

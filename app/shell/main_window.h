#pragma once
// The main window: one tab per lab, menus with every common action and its
// shortcut, presentation mode, and remembered layout.
#include <QMainWindow>

#include <functional>

class QDialog;

class QLabel;
class QProgressBar;
class QTabWidget;

namespace aelab {

class ChainLab;
class FieldLab;
class ImageLab;
class InterpLab;
class DvaeLab;
class LabDeck;
class PresentationStrip;
class WelcomeCard;
class SessionActions;
class SetupHistory;
class ViewRecorder;

// What the GUI's command line asks for at start.
struct GuiOptions {
    QString session; // --open FILE
    QString lesson;  // --lesson N (built-in, from 1) or a lesson file
    bool present = false;
};
// Empty, or what is wrong with the arguments.
QString parseGuiOptions(const QStringList& args, GuiOptions* out);

class MainWindow : public QMainWindow {
    Q_OBJECT
  public:
    explicit MainWindow(QWidget* parent = nullptr);
    FieldLab* fieldLab() const { return fieldLab_; }
    ChainLab* chainLab() const { return chainLab_; }
    ImageLab* imageLab() const { return imageLab_; }
    InterpLab* interpLab() const { return interpLab_; }
    DvaeLab* dvaeLab() const { return dvaeLab_; }
    ViewRecorder* recorder() const { return recorder_; }
    LabDeck* deck() const { return deck_; }
    SessionActions* sessions() const { return sessions_; }
    SetupHistory* history() const { return history_; }
    QLabel* captionBar() const { return caption_; }
    PresentationStrip* strip() const { return strip_; }
    WelcomeCard* welcomeCard() const { return welcome_; } // null once not wanted
    bool presenting() const { return presenting_; }
    // Starts recording the current lab's plot to path (.gif or .mp4).
    bool startRecording(const QString& path, double fps);
    void stopRecording();
    // F9: records the view in front at once, with the saved settings.
    void toggleRecording();
    struct RecordingSettings {
        QString folder, format; // format: "gif" or "mp4"
        int fps = 15;
    };
    static RecordingSettings recordingSettings();
    void editRecordingSettings();
    void setPresentation(bool on);
    // Opens the session, starts the lesson and enters presentation mode as
    // asked; failures are shown in a message box and the app goes on.
    void startWith(const GuiOptions& options);
    // The plot or image view of the lab in front, as PNG pixels, to the
    // clipboard (Ctrl+Shift+C).
    void copyViewToClipboard();
    QWidget* viewInFront() const; // what export, copy and the recorder act on
    // A file name for the lab and view in front ("interpolation-strip.png").
    QString suggestedName(const QString& extension) const;
    // Help ▸ What am I looking at?: the page of the lab in front.
    void showHelpPage();
    std::function<void(QDialog*)> helpShown; // tests read the page, then close it

  protected:
    void closeEvent(QCloseEvent* event) override;

  private:
    void buildMenus();
    void fitToScreen();
    void buildDeck();
    void showCaption(const QString& title, const QString& caption, const QString& lab);
    void labChanged();             // the caption and the strip follow the lab in front
    void foldInFront(bool charts); // F7 / F8 in presentation mode
    void fitCaptionFont();         // larger in presentation mode
    void exportCurrentPlot();
    void exportFieldLevels();
    void showShortcuts();
    bool imageTabActive() const; // a lab whose views are image grids
    QWidget* imageViewInFront() const;
    bool chainTabActive() const;

    QTabWidget* tabs_ = nullptr;
    FieldLab* fieldLab_ = nullptr;
    ChainLab* chainLab_ = nullptr;
    ImageLab* imageLab_ = nullptr;
    InterpLab* interpLab_ = nullptr;
    DvaeLab* dvaeLab_ = nullptr;
    ViewRecorder* recorder_ = nullptr;
    LabDeck* deck_ = nullptr;
    SetupHistory* history_ = nullptr;
    SessionActions* sessions_ = nullptr;
    QLabel* caption_ = nullptr;
    QString captionLab_; // the lab the lesson's caption belongs to
    PresentationStrip* strip_ = nullptr;
    WelcomeCard* welcome_ = nullptr;
    bool presenting_ = false;
    QLabel* recordBadge_ = nullptr;
    QProgressBar* busyBar_ = nullptr;
    QAction* recordAction_ = nullptr;
    QList<QAction*> shortcutActions_;
};

} // namespace aelab

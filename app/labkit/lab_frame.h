#pragma once
// The arrangement every lab shares, and how it changes for a projector.
// Normal mode: an error banner over the lab's main picture (plot, strips or
// sample grids), its charts under it, and the controls in a scrolling side
// panel. Presentation mode: the picture takes the lab; the panel and the
// charts fold away (each can be brought back), and a slim strip in the main
// window carries the transport buttons and the lesson's controls.
#include <QList>
#include <QObject>

class QAbstractButton;
class QEvent;
class QLabel;
class QScrollArea;
class QSplitter;
class QWidget;

namespace aelab {

class LabFrame : public QObject {
    Q_OBJECT
  public:
    // Lays out lab (which must have no layout yet) with the given parts.
    LabFrame(QWidget* lab, QLabel* banner, QWidget* picture, QWidget* charts, QWidget* controls);

    QWidget* lab() const { return lab_; }
    QWidget* picture() const { return picture_; } // what the class looks at
    QWidget* charts() const { return charts_; }
    QScrollArea* panel() const { return panel_; }
    QWidget* controls() const { return controls_; }

    // Play/pause, step, reset and the like, in the order a strip shows them.
    void setTransport(const QList<QAbstractButton*>& buttons) { transport_ = buttons; }
    // How the column shares its height between the picture and the charts
    // while both show (4 : 1 unless a lab's chart is its lesson).
    void setChartShare(int picture, int charts);
    const QList<QAbstractButton*>& transport() const { return transport_; }

    void setPresentation(bool on);
    bool presenting() const { return presenting_; }
    // Bring the side panel or the charts back, or fold them (F8, F7). Until
    // the user chooses, presentation mode folds both, and normal mode folds
    // the charts only where the lab is too short for them and a picture.
    void setPanelShown(bool on);
    void setChartsShown(bool on);
    static constexpr int kChartsNeedHeight = 720; // the lab's, in normal mode
    bool panelShown() const { return panelShown_; }
    bool chartsShown() const { return chartsShown_; }

  signals:
    void foldingChanged();

  protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

  private:
    void apply();
    enum class Choice { Auto, Shown, Folded };

    QWidget* lab_;
    QWidget* picture_;
    QWidget* charts_;
    QWidget* controls_;
    QScrollArea* panel_ = nullptr;
    QSplitter* column_ = nullptr;
    QList<QAbstractButton*> transport_;
    bool presenting_ = false, panelShown_ = true, chartsShown_ = true;
    Choice panelChoice_ = Choice::Auto, chartsChoice_ = Choice::Auto;
};

} // namespace aelab

#pragma once
// Presentation mode's slim strip over the lab in front: which lab, its
// transport buttons (play, step, reset...), the few controls the lesson
// names, and the keys that bring back the side panel (F8) and the charts
// (F7). Its controls are twins of the panel's (control_twin.h).
#include <QStringList>
#include <QWidget>

class QComboBox;
class QHBoxLayout;
class QPushButton;

namespace aelab {

class LabFrame;

class PresentationStrip : public QWidget {
    Q_OBJECT
  public:
    explicit PresentationStrip(QWidget* parent = nullptr);

    // The labs' names, for the menu that switches between them.
    void setLabNames(const QStringList& names);
    // Shows the lab at index (its frame, and its controls of those names).
    void showLab(int index, LabFrame* frame, const QStringList& controls);
    // The twins now shown, and the names of the controls they stand for.
    QList<QWidget*> twins() const { return twins_; }
    QStringList controlNames() const { return names_; }

  signals:
    void labChosen(int index);

  private:
    void clearTwins();
    void syncToggles();

    QComboBox* labs_;
    QHBoxLayout* transport_;
    QHBoxLayout* row_; // the lesson's controls, then a stretch
    QPushButton* charts_;
    QPushButton* panel_;
    LabFrame* frame_ = nullptr;
    QList<QWidget*> twins_, extras_; // extras_: their labels
    QStringList names_;
};

} // namespace aelab
